package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.FileContent;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.IngestFile;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade.StorageVerification;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Packages whose store rule picks the S3-compatible store, against S3Proxy started in this JVM. */
@SpringBootTest(properties = { "steward.registry.s3.enabled=true", "steward.registry.s3.bucket=registry",
		"steward.registry.s3.access-key=steward", "steward.registry.s3.secret-key=secret",
		"steward.registry.store-rules=s3-*/*=s3" })
class S3StorageIntegrationTests {

	static final S3Proxy PROXY = start();

	@Autowired
	RegistryFacade registry;

	@Autowired
	StorageFacade storage;

	static S3Proxy start() {
		try {
			S3Proxy proxy = S3Proxy.builder()
				.blobStore(new TransientNio2BlobStore())
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "steward", "secret")
				.build();
			proxy.start();
			while (!proxy.getState().equals("STARTED")) {
				Thread.sleep(10);
			}
			try (S3Client client = S3Client.builder()
				.httpClient(UrlConnectionHttpClient.create())
				.region(Region.US_EAST_1)
				.forcePathStyle(true)
				.endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("steward", "secret")))
				.build()) {
				client.createBucket(create -> create.bucket("registry"));
			}
			return proxy;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry properties) {
		properties.add("steward.registry.s3.endpoint", () -> "http://127.0.0.1:" + PROXY.getPort());
	}

	@AfterAll
	static void stop() throws Exception {
		PROXY.stop();
	}

	@Test
	void storesThePackagesTheRulePicksInS3AndTheRestOnTheFilesystem() throws Exception {
		PackageView inS3 = registry.createPackage(new CreatePackage("n", "s3-" + UUID.randomUUID(), "s", "standard",
				Map.of(), null, ACTOR));
		PackageView onDisk = registry.createPackage(new CreatePackage("n", "disk-" + UUID.randomUUID(), "s",
				"standard", Map.of(), null, ACTOR));

		FileView remote = registry.ingestFile(new IngestFile(inS3.id().toString(), "a.txt", "text/plain", ACTOR),
				new ByteArrayInputStream(("remote " + inS3.id()).getBytes(StandardCharsets.UTF_8))).file();
		FileView local = registry.ingestFile(new IngestFile(onDisk.id().toString(), "a.txt", "text/plain", ACTOR),
				new ByteArrayInputStream(("local " + onDisk.id()).getBytes(StandardCharsets.UTF_8))).file();

		assertThat(remote.backendId()).isEqualTo("s3");
		assertThat(local.backendId()).isEqualTo("filesystem");
		FileContent content = registry.openContent(remote.id().toString(), 0, 6L);
		try (InputStream in = content.stream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("remote");
		}
		StorageVerification verification = storage.verifyStorage("s3", "verifier");
		assertThat(verification.failed()).isZero();
		assertThat(verification.verified()).isPositive();
		assertThat(storage.backends()).extracting(StorageFacade.StorageBackendView::id)
			.containsExactly("filesystem", "s3");
		assertThat(storage.backends()).allSatisfy(backend -> assertThat(backend.up()).isTrue());
	}
}
