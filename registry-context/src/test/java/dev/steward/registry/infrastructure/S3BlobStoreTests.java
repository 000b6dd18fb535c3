package dev.steward.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.Digests;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.domain.BlobStore.BlobDigests;
import dev.steward.registry.domain.BlobStore.StoredObject;
import dev.steward.registry.domain.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The S3 store against S3Proxy, an S3-compatible server started in this JVM on an in-memory store. */
class S3BlobStoreTests {

	static S3Proxy proxy;

	static S3BlobStore store;

	@TempDir
	static Path staging;

	@BeforeAll
	static void startServer() throws Exception {
		proxy = S3Proxy.builder()
			.blobStore(new TransientNio2BlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "steward", "secret")
			.build();
		proxy.start();
		while (!proxy.getState().equals("STARTED")) {
			Thread.sleep(10);
		}
		MockEnvironment environment = new MockEnvironment()
			.withProperty("steward.registry.s3.bucket", "blobs")
			.withProperty("steward.registry.s3.endpoint", "http://127.0.0.1:" + proxy.getPort())
			.withProperty("steward.registry.s3.access-key", "steward")
			.withProperty("steward.registry.s3.secret-key", "secret")
			.withProperty("steward.registry.s3.prefix", "registry/");
		store = RegistryStorageConfiguration.s3Store(environment, staging);
		store.client().createBucket(create -> create.bucket("blobs"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		proxy.stop();
	}

	static StoredBlob put(String text) {
		return store.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1024);
	}

	@Test
	void storesBytesUnderTheirContentAddressOnce() throws IOException {
		StoredBlob first = put("hello s3");
		StoredBlob again = put("hello s3");

		assertThat(again).isEqualTo(first);
		assertThat(first.backendId()).isEqualTo("s3");
		assertThat(first.sha256Hex()).isEqualTo(Digests.sha256Hex("hello s3".getBytes(StandardCharsets.UTF_8)));
		assertThat(first.objectKey()).isEqualTo(StoredBlob.objectKeyOf(first.blake3Hex()));
		assertThat(store.stat(first.objectKey())).get().extracting(StoredObject::sizeBytes).isEqualTo(8L);
		try (InputStream in = store.open(first.objectKey(), 6, 2)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("s3");
		}
		assertThat(store.rehash(first.objectKey()))
			.isEqualTo(new BlobDigests(8, first.blake3Hex(), first.sha256Hex()));
		try (var files = Files.list(staging)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void listsAndDeletesItsObjects() {
		StoredBlob blob = put("to be deleted");
		List<String> listed = new ArrayList<>();

		store.forEachObject(object -> listed.add(object.objectKey()));
		store.delete(blob.objectKey());

		assertThat(listed).contains(blob.objectKey());
		assertThat(store.stat(blob.objectKey())).isEmpty();
	}

	@Test
	void refusesMoreThanTheLimitAndKeepsNothing() throws IOException {
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2048]), 1024))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.FILE_TOO_LARGE));
		try (var files = Files.list(staging)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void reportsItsHealth() {
		assertThat(store.health().up()).isTrue();
		assertThat(store.kind()).isEqualTo("s3");
	}
}
