package dev.steward.registry.infrastructure;

import dev.steward.registry.domain.BlobStore;
import dev.steward.registry.domain.BlobStoreRules;
import dev.steward.registry.domain.BlobStores;
import java.net.URI;
import java.util.ArrayList;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
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
 * (by default {@code blobs} in the data directory); an S3-compatible store joins it with
 * {@code steward.registry.s3.enabled=true}. {@code steward.registry.store-rules} picks a store per producer and
 * retention class (see {@link BlobStoreRules}), {@code steward.registry.default-store} for the rest.
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
			@Value("${steward.registry.blob-dir:${steward.data-dir:${java.io.tmpdir}/steward}/blobs}") String blobDir,
			@Value("${steward.registry.store-rules:}") String rules,
			@Value("${steward.registry.default-store:filesystem}") String defaultStore, Environment environment) {
		List<BlobStore> all = new ArrayList<>();
		all.add(new FilesystemBlobStore("filesystem", Path.of(blobDir)));
		if (environment.getProperty("steward.registry.s3.enabled", Boolean.class, false)) {
			all.add(s3Store(environment, Path.of(blobDir).resolve("s3-staging")));
		}
		BlobStoreRules selection = BlobStoreRules.parse(rules, defaultStore);
		for (String store : selection.rules().stream().map(BlobStoreRules.Rule::store).toList()) {
			requireStore(all, store, "steward.registry.store-rules");
		}
		requireStore(all, defaultStore, "steward.registry.default-store");
		return new BlobStores() {

			@Override
			public BlobStore forPackage(String producer, String retentionClass) {
				return byId(selection.storeFor(producer, retentionClass)).orElseThrow();
			}

			@Override
			public Optional<BlobStore> byId(String backendId) {
				return all.stream().filter(store -> store.backendId().equals(backendId)).findFirst();
			}

			@Override
			public List<BlobStore> all() {
				return List.copyOf(all);
			}
		};
	}

	private static void requireStore(List<BlobStore> all, String store, String setting) {
		if (all.stream().noneMatch(configured -> configured.backendId().equals(store))) {
			throw new IllegalStateException(setting + " names the blob store " + store + ", which is not configured; "
					+ "the stores are " + all.stream().map(BlobStore::backendId).toList());
		}
	}

	/**
	 * The S3-compatible store, from {@code steward.registry.s3.*}: {@code bucket} (required), {@code endpoint} (for
	 * MinIO and other S3-compatible servers), {@code region}, {@code prefix}, {@code path-style},
	 * {@code access-key} and {@code secret-key} (otherwise the AWS SDK's default credentials), {@code backend-id}
	 * ({@code s3}).
	 */
	static S3BlobStore s3Store(Environment environment, Path staging) {
		String bucket = environment.getRequiredProperty("steward.registry.s3.bucket");
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(environment.getProperty("steward.registry.s3.region", "us-east-1")))
			.forcePathStyle(environment.getProperty("steward.registry.s3.path-style", Boolean.class, true));
		String endpoint = environment.getProperty("steward.registry.s3.endpoint", "");
		if (!endpoint.isBlank()) {
			builder.endpointOverride(URI.create(endpoint));
		}
		String accessKey = environment.getProperty("steward.registry.s3.access-key", "");
		if (!accessKey.isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
					environment.getProperty("steward.registry.s3.secret-key", ""))));
		}
		return new S3BlobStore(environment.getProperty("steward.registry.s3.backend-id", "s3"), builder.build(), bucket,
				environment.getProperty("steward.registry.s3.prefix", ""), staging);
	}
}
