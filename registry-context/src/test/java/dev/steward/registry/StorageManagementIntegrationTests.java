package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.created;
import static dev.steward.registry.RegistryFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.registry.RegistryFacade.FileView;
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
	void reportsTheFilesystemStore() {
		assertThat(storage.backends()).singleElement().satisfies(backend -> {
			assertThat(backend.id()).isEqualTo("filesystem");
			assertThat(backend.kind()).isEqualTo("filesystem");
			assertThat(backend.up()).isTrue();
		});
	}
}
