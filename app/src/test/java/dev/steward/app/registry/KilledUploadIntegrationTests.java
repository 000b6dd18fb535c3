package dev.steward.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.Application;
import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade;
import dev.steward.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
		int port = freePort();
		Path log = Files.createTempFile("steward-killed-upload", ".log");
		Process steward = start(port, blobs, log);
		try {
			awaitReady(steward, port, log);
			try (Socket socket = new Socket("localhost", port)) {
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
				awaitPartialUpload(blobs.resolve("tmp"), steward, log);

				steward.destroyForcibly();
				steward.onExit().get();
			}
		}
		finally {
			steward.destroyForcibly();
		}

		assertThat(registry.filesOf(List.of(pkg.id())).get(pkg.id())).as("no file is visible").isEmpty();
		assertThat(blobsIn(blobs)).as("no blob was stored").isEmpty();
		assertThat(partialUploads(blobs.resolve("tmp"))).as("the kill left the partial upload behind").isNotEmpty();

		storage.collectOrphans();

		assertThat(partialUploads(blobs.resolve("tmp"))).isEmpty();
		assertThat(blobsIn(blobs)).isEmpty();
		assertThat(registry.findPackage(pkg.id().toString()).orElseThrow().id()).isEqualTo(new PackageId(pkg.id().id()));
	}

	private static Process start(int port, Path blobs, Path log) throws IOException {
		TestPostgres.Database database = TestPostgres.database();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				mainClasspath(), Application.class.getName(), "--steward.registry.blob-dir=" + blobs));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf(name -> name.startsWith("SPRING_") || name.startsWith("STEWARD_")
					|| name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
		env.put("STEWARD_DATABASE_URL", database.url());
		env.put("STEWARD_DATABASE_USERNAME", database.username());
		env.put("STEWARD_DATABASE_PASSWORD", database.password());
		env.put("STEWARD_BOOTSTRAP_TOKEN", "test-bootstrap-token");
		env.put("STEWARD_PORT", Integer.toString(port));
		env.put("STEWARD_DATA_DIR", Files.createTempDirectory("steward-killed-upload").toString());
		return builder.start();
	}

	private static void awaitReady(Process steward, int port, Path log) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			if (!steward.isAlive()) {
				throw new IllegalStateException("Steward exited before it was ready:\n" + Files.readString(log));
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Steward was not ready in time:\n" + Files.readString(log));
	}

	private static void awaitPartialUpload(Path temporary, Process steward, Path log) throws Exception {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			if (partialUploads(temporary).stream().anyMatch(path -> path.toFile().length() > 0)) {
				return;
			}
			if (!steward.isAlive()) {
				throw new IllegalStateException("Steward died before the upload began:\n" + Files.readString(log));
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The upload never reached the blob store:\n" + Files.readString(log));
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

	private static String java() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static String mainClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.filter(entry -> !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
