package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.created;
import static dev.steward.registry.RegistryFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade.StorageVerification;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.steward.registry.StorageFacade.OrphanCollection;
import dev.steward.registry.domain.BlobStores;
import dev.steward.registry.domain.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StorageManagementIntegrationTests {

	@Autowired
	StorageFacade storage;

	@Autowired
	RegistryFacade registry;

	@Autowired
	BlobStores stores;

	@Autowired
	@Qualifier("registryEventLog")
	EventLog log;

	@Value("${steward.registry.blob-dir}")
	Path blobDir;

	@Test
	void collectsBytesNoFileRecordsAndLeftoverUploadsButKeepsRecordedOnes() throws IOException {
		FileView recorded = upload(registry, created(registry), "kept.txt", "kept " + UUID.randomUUID());
		StoredBlob orphan = stores.all().getFirst().put(new ByteArrayInputStream(("orphan " + UUID.randomUUID())
			.getBytes(StandardCharsets.UTF_8)), 1024);
		Path leftover = Files.writeString(blobDir.resolve("tmp").resolve("upload-killed.part"), "half a file");

		OrphanCollection collection = storage.collectOrphans();

		assertThat(blobDir.resolve(orphan.objectKey())).doesNotExist();
		assertThat(leftover).doesNotExist();
		assertThat(blobDir.resolve(recorded.objectKey())).exists();
		assertThat(collection.deleted()).isGreaterThanOrEqualTo(2);
		assertThat(collection.examined()).isGreaterThanOrEqualTo(collection.deleted() + 1);
	}

	@Test
	void verifiesEveryLocationAndMarksTheOnesWhoseBytesDifferOrAreGone() throws IOException {
		PackageView pkg = created(registry);
		FileView intact = upload(registry, pkg, "intact.txt", "intact " + pkg.id());
		FileView altered = upload(registry, pkg, "altered.txt", "altered " + pkg.id());
		FileView lost = upload(registry, pkg, "lost.txt", "lost " + pkg.id());
		Files.writeString(blobDir.resolve(altered.objectKey()), "something else");
		Files.delete(blobDir.resolve(lost.objectKey()));
		long failedBefore = storage.failedLocations("filesystem");
		long head = log.head();

		StorageVerification verification = storage.verifyStorage("filesystem", "verifier");

		assertThat(verification.checked()).isGreaterThanOrEqualTo(3);
		assertThat(verification.failed()).isGreaterThanOrEqualTo(2);
		assertThat(storage.failedLocations("filesystem")).isEqualTo(failedBefore + 2);
		assertThat(registry.findFile(intact.id().toString()).orElseThrow().storageStatus()).isEqualTo("verified");
		assertThat(registry.findFile(altered.id().toString()).orElseThrow().storageStatus()).isEqualTo("failed");
		assertThat(registry.findFile(lost.id().toString()).orElseThrow().storageStatus()).isEqualTo("failed");
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.openContent(altered.id().toString(), 0, null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.STORAGE_UNAVAILABLE));
		registry.openContent(intact.id().toString(), 0, null).stream().close();
		List<LogEntry> entries = log.after(head, 1000);
		assertThat(entries).hasSize((int) verification.checked())
			.allSatisfy(entry -> assertThat(entry.type()).isEqualTo(RegistryEvents.LOCATION_VERIFIED));
		assertThat(entries.stream().flatMap(entry -> RegistryEvents.locationVerified(entry).stream()))
			.filteredOn(found -> found.fileId().equals(altered.id()))
			.singleElement()
			.satisfies(found -> {
				assertThat(found.verified()).isFalse();
				assertThat(found.mismatch()).startsWith("size");
			});
		assertThat(entries.stream().flatMap(entry -> RegistryEvents.locationVerified(entry).stream()))
			.filteredOn(found -> found.fileId().equals(lost.id()))
			.singleElement()
			.satisfies(found -> assertThat(found.mismatch()).startsWith("NoSuchFileException"));
		assertThat(storage.backends().getFirst().failedLocations()).isEqualTo(failedBefore + 2);
		Files.writeString(blobDir.resolve(altered.objectKey()), "altered " + pkg.id());
		Files.writeString(blobDir.resolve(lost.objectKey()), "lost " + pkg.id());
		storage.verifyStorage("filesystem", "verifier");
		assertThat(storage.failedLocations("filesystem")).isEqualTo(failedBefore);
	}

	@Test
	void refusesAnUnknownBackend() {
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> storage.verifyStorage("tape", "verifier"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.STORAGE_BACKEND_NOT_FOUND));
	}

	@Test
	void reportsTheFilesystemStore() {
		assertThat(storage.backends()).singleElement().satisfies(backend -> {
			assertThat(backend.id()).isEqualTo("filesystem");
			assertThat(backend.kind()).isEqualTo("filesystem");
			assertThat(backend.up()).isTrue();
		});
	}
}
