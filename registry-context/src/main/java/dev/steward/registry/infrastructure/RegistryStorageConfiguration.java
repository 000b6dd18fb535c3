package dev.steward.registry.infrastructure;

import dev.steward.registry.domain.BlobStore;
import dev.steward.registry.domain.BlobStores;
import dev.steward.registry.domain.RegistryLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;

/**
 * The registry's blob stores and limits. The filesystem store keeps blobs under {@code steward.registry.blob-dir}
 * (by default {@code blobs} in the data directory).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RegistryStorageConfiguration {

	@Bean
	RegistryLimits registryLimits(@Value("${steward.registry.max-file-size:10GB}") DataSize maxFileSize,
			@Value("${steward.registry.orphan-grace-period:1h}") Duration orphanGracePeriod) {
		return new RegistryLimits(maxFileSize.toBytes(), orphanGracePeriod);
	}

	@Bean
	BlobStores registryBlobStores(
			@Value("${steward.registry.blob-dir:${steward.data-dir:${java.io.tmpdir}/steward}/blobs}") String blobDir) {
		FilesystemBlobStore filesystem = new FilesystemBlobStore("filesystem", Path.of(blobDir));
		List<BlobStore> all = List.of(filesystem);
		return new BlobStores() {

			@Override
			public BlobStore forPackage(String producer, String retentionClass) {
				return filesystem;
			}

			@Override
			public Optional<BlobStore> byId(String backendId) {
				return all.stream().filter(store -> store.backendId().equals(backendId)).findFirst();
			}

			@Override
			public List<BlobStore> all() {
				return all;
			}
		};
	}
}
