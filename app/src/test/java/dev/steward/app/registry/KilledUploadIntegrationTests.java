package dev.steward.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.persistence.StewardProcess;
import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade;
import dev.steward.testing.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Steward process killed with {@code kill -9} in the middle of an upload: no file becomes visible, no blob is
 * left in the store, and the collection removes the partial upload.
 */
@SpringBootTest(properties = { "steward.registry.blob-dir=${user.dir}/target/killed-upload-blobs",
		"steward.registry.orphan-grace-period=0s" })
class KilledUploadIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(240);

	@Autowired
	RegistryFacade registry;

	@Autowired
	StorageFacade storage;

	@Test
	void aProcessKilledMidUploadLeavesNoVisibleFileAndNoBlobAfterCollection() throws Exception {
		Path blobs = Path.of(System.getProperty("user.dir"), "target", "killed-upload-blobs");
		PackageView pkg = registry.createPackage(new CreatePackage("killed", "crash-" + UUID.randomUUID(), "s",
				"standard", Map.of(), null, "tester"));
		Path log = Files.createTempFile("steward-killed-upload", ".log");
		TestPostgres.Database database = TestPostgres.database();
		try (StewardProcess steward = StewardProcess.start(Files.createTempDirectory("steward-killed-upload"),
				"test-bootstrap-token", log,
				Map.of("STEWARD_DATABASE_URL", database.url(), "STEWARD_DATABASE_USERNAME", database.username(),
						"STEWARD_DATABASE_PASSWORD", database.password()),
				List.of("--steward.registry.blob-dir=" + blobs));
				Socket socket = new Socket("localhost", steward.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /registry/packages/" + pkg.id() + "/files/big.bin HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Bearer test-bootstrap-token\r\nContent-Type: application/octet-stream\r\n"
					+ "Content-Length: 104857600\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[1024 * 1024];
			Arrays.fill(chunk, (byte) 7);
			for (int i = 0; i < 4; i++) {
				out.write(chunk);
			}
			out.flush();
			awaitPartialUpload(blobs.resolve("tmp"), steward);

			steward.kill();
		}

		assertThat(registry.filesOf(List.of(pkg.id())).get(pkg.id())).as("no file is visible").isEmpty();
		assertThat(blobsIn(blobs)).as("no blob was stored").isEmpty();
		assertThat(partialUploads(blobs.resolve("tmp"))).as("the kill left the partial upload behind").isNotEmpty();

		storage.collectOrphans();

		assertThat(partialUploads(blobs.resolve("tmp"))).isEmpty();
		assertThat(blobsIn(blobs)).isEmpty();
		assertThat(registry.findPackage(pkg.id().toString()).orElseThrow().id()).isEqualTo(new PackageId(pkg.id().id()));
	}

	private static void awaitPartialUpload(Path temporary, StewardProcess steward) throws Exception {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			if (partialUploads(temporary).stream().anyMatch(path -> path.toFile().length() > 0)) {
				return;
			}
			if (!steward.isAlive()) {
				throw new IllegalStateException("Steward died before the upload began:\n" + steward.output());
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The upload never reached the blob store:\n" + steward.output());
	}

	private static List<Path> partialUploads(Path temporary) throws IOException {
		if (!Files.isDirectory(temporary)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(temporary)) {
			return files.toList();
		}
	}

	private static List<Path> blobsIn(Path blobs) throws IOException {
		Path stored = blobs.resolve("blake3");
		if (!Files.isDirectory(stored)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(stored)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
