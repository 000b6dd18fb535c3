package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.ACTOR;
import static dev.steward.registry.RegistryFixtures.aPackage;
import static dev.steward.registry.RegistryFixtures.anyProducer;
import static dev.steward.registry.RegistryFixtures.created;
import static dev.steward.registry.RegistryFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.CodedException;
import dev.steward.kernel.Digests;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.FileContent;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.IngestFile;
import dev.steward.registry.RegistryFacade.Ingested;
import dev.steward.registry.RegistryFacade.ManifestBytes;
import dev.steward.registry.RegistryFacade.ManifestFormat;
import dev.steward.registry.RegistryFacade.PackageFilter;
import dev.steward.registry.RegistryFacade.PackageView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
@Import(RegistryManagementIntegrationTests.RefusingRetention.class)
class RegistryManagementIntegrationTests {

	/** Refuses packages of the class {@code unknown}, as retention does for a class it does not know. */
	@TestConfiguration
	static class RefusingRetention {

		@EventListener
		void on(PackageCreated created) {
			if (created.retentionClass().equals("unknown")) {
				throw new IllegalStateException("RETENTION_CLASS_UNKNOWN");
			}
		}
	}

	@Autowired
	RegistryFacade registry;

	@Autowired
	@Qualifier("registryEventLog")
	EventLog log;

	@Autowired
	JdbcClient jdbc;

	@Value("${steward.registry.blob-dir}")
	Path blobDir;

	@Test
	void createsAPackageAppendsItsEventAndPublishesItInTheTransaction(ApplicationEvents events) {
		PackageView pkg = registry.createPackage(aPackage("ci"));

		assertThat(pkg.status()).isEqualTo(PackageStatus.CREATED);
		LogEntry entry = log.after(log.head() - 1, 1).getFirst();
		assertThat(entry.type()).isEqualTo(RegistryEvents.PACKAGE_CREATED);
		assertThat(entry.subjectId()).isEqualTo(pkg.id().toString());
		assertThat(entry.payload()).containsEntry("retention_class", "standard")
			.containsEntry("metadata", Map.of("build", 42L, "branch", "main"));
		assertThat(pkg.createdAt()).isEqualTo(entry.createdAt());
		assertThat(events.stream(PackageCreated.class))
			.containsExactly(new PackageCreated(pkg.id(), "standard", entry.createdAt()));
	}

	@Test
	void theSameCreationWithTheSameKeyReturnsTheFirstPackageAndCreatesNothing() {
		String key = "create-" + UUID.randomUUID();
		CreatePackage request = withKey(aPackage(anyProducer()), key);
		PackageView first = registry.createPackage(request);
		long head = log.head();

		PackageView again = registry.createPackage(withKey(new CreatePackage(request.name(), request.producer(),
				request.subject(), request.retentionClass(), Map.of("branch", "main", "build", 42), null, ACTOR), key));

		assertThat(again).isEqualTo(first);
		assertThat(log.head()).isEqualTo(head);
		assertThat(log.byIdempotencyKey(key).orElseThrow().subjectId()).isEqualTo(first.id().toString());
		assertThat(registry.packages(new PackageFilter(request.producer(), null, null, null, null), null, 10).items())
			.extracting(PackageView::id)
			.containsExactly(first.id());
	}

	@Test
	void aKeyUsedForAnotherRequestOrByAnotherCallerIsRefused() {
		String key = "create-" + UUID.randomUUID();
		CreatePackage request = withKey(aPackage(anyProducer()), key);
		registry.createPackage(request);
		long head = log.head();

		CreatePackage otherName = new CreatePackage(request.name() + "-2", request.producer(), request.subject(),
				request.retentionClass(), request.metadata(), null, ACTOR, key);
		CreatePackage otherMetadata = new CreatePackage(request.name(), request.producer(), request.subject(),
				request.retentionClass(), Map.of("build", 43, "branch", "main"), null, ACTOR, key);
		CreatePackage otherCaller = new CreatePackage(request.name(), request.producer(), request.subject(),
				request.retentionClass(), request.metadata(), null, "someone-else", key);
		for (CreatePackage refused : List.of(otherName, otherMetadata, otherCaller)) {
			assertThatExceptionOfType(CodedException.class).isThrownBy(() -> registry.createPackage(refused))
				.satisfies(ex -> assertThat(ex.code().code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
		}
		assertThat(log.head()).isEqualTo(head);
	}

	@Test
	void twoCreationsWithOneKeyAtOnceMakeOnePackage() throws Exception {
		String key = "create-" + UUID.randomUUID();
		CreatePackage request = withKey(aPackage(anyProducer()), key);
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.Callable<PackageView> create = () -> {
			start.await();
			return registry.createPackage(request);
		};
		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var one = executor.submit(create);
			var two = executor.submit(create);
			assertThat(one.get().id()).isEqualTo(two.get().id());
		}
		assertThat(registry.packages(new PackageFilter(request.producer(), null, null, null, null), null, 10).items())
			.hasSize(1);
	}

	@Test
	void aCreationThatFailedLeavesNoKeyBehind() {
		String key = "create-" + UUID.randomUUID();
		CreatePackage refused = new CreatePackage("refused", anyProducer(), "s", "unknown", Map.of(), null, ACTOR, key);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> registry.createPackage(refused));

		PackageView corrected = registry.createPackage(new CreatePackage("refused", refused.producer(), "s", "standard",
				Map.of(), null, ACTOR, key));

		assertThat(log.byIdempotencyKey(key).orElseThrow().subjectId()).isEqualTo(corrected.id().toString());
	}

	private static CreatePackage withKey(CreatePackage request, String key) {
		return new CreatePackage(request.name(), request.producer(), request.subject(), request.retentionClass(),
				request.metadata(), request.metadataSchema(), request.actor(), key);
	}

	@Test
	void aListenerThatRefusesTheCreationRollsItBack() {
		long head = log.head();
		CreatePackage refused = new CreatePackage("refused", anyProducer(), "s", "unknown", Map.of(), null, ACTOR);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> registry.createPackage(refused));

		assertThat(log.head()).isEqualTo(head);
		assertThat(registry.packages(new PackageFilter(refused.producer(), null, null, null, null), null, 10).items())
			.isEmpty();
	}

	@Test
	void refusesBlankFields() {
		CreatePackage blank = new CreatePackage(" ", "p", "s", "standard", Map.of(), null, ACTOR);

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> registry.createPackage(blank))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.PACKAGE_INVALID));
	}

	@Test
	void refusesMetadataThatIsNoObject() {
		CreatePackage listed = new CreatePackage("n", "p", "s", "standard", List.of(1), null, ACTOR);

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> registry.createPackage(listed))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_INVALID));
	}

	@Test
	void ingestsAFileWithBothDigestsAndStoresIdenticalBytesOnce() throws IOException {
		PackageView first = created(registry);
		PackageView second = created(registry);

		FileView a = upload(registry, first, "docs/readme.txt", "abc");
		FileView b = upload(registry, second, "other/name.txt", "abc");

		assertThat(a.digestSha256Hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(a.digestPrimaryHex())
			.isEqualTo(Digests.hex(Blake3.hash("abc".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
		assertThat(a.contentAddress()).isEqualTo("blake3:" + a.digestPrimaryHex());
		assertThat(a.sizeBytes()).isEqualTo(3);
		assertThat(a.mediaType()).isEqualTo("text/plain");
		assertThat(b.objectKey()).isEqualTo(a.objectKey());
		assertThat(Files.readString(blobDir.resolve(a.objectKey()))).isEqualTo("abc");
		try (Stream<Path> temporary = Files.list(blobDir.resolve("tmp"))) {
			assertThat(temporary).isEmpty();
		}
		LogEntry ingested = log.after(log.head() - 1, 1).getFirst();
		assertThat(ingested.type()).isEqualTo(RegistryEvents.FILE_INGESTED);
		assertThat(ingested.payload()).containsEntry("file_id", b.id().toString())
			.containsEntry("digest_algorithm", "blake3")
			.containsEntry("size_bytes", 3L)
			.containsEntry("retrieval_tier", "hot")
			.containsEntry("storage_status", "recorded");
	}

	@Test
	void refusesAPathTakenInThePackage() {
		PackageView pkg = created(registry);
		upload(registry, pkg, "a.txt", "one");

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> upload(registry, pkg, "a.txt", "two"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.DUPLICATE_RELATIVE_PATH));
	}

	@Test
	void aRetriedUploadOfTheSameBytesFindsItsFileAndAppendsNothing() {
		PackageView pkg = created(registry);
		FileView first = upload(registry, pkg, "a.txt", "one");
		long head = log.head();

		Ingested again = registry.ingestFile(new IngestFile(pkg.id().toString(), "a.txt", "text/plain", ACTOR),
				new java.io.ByteArrayInputStream("one".getBytes(StandardCharsets.UTF_8)));

		assertThat(again.created()).isFalse();
		assertThat(again.file()).isEqualTo(first);
		assertThat(log.head()).isEqualTo(head);
		assertThat(registry.filesOf(List.of(pkg.id())).get(pkg.id())).extracting(FileView::id).containsExactly(first.id());
	}

	@Test
	void theSameBytesWithAnotherMediaTypeAtATakenPathAreRefused() {
		PackageView pkg = created(registry);
		upload(registry, pkg, "a.txt", "one");

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.ingestFile(new IngestFile(pkg.id().toString(), "a.txt", "text/html", ACTOR),
					new java.io.ByteArrayInputStream("one".getBytes(StandardCharsets.UTF_8))))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.DUPLICATE_RELATIVE_PATH));
	}

	@Test
	void takesTheSamePathInAnotherPackage() {
		upload(registry, created(registry), "same.txt", "one");

		FileView other = upload(registry, created(registry), "same.txt", "two");

		assertThat(other.relativePath()).isEqualTo("same.txt");
	}

	@Test
	void refusesAnUnsafePathBeforeReadingAByte() {
		PackageView pkg = created(registry);
		InputStream untouched = new InputStream() {
			@Override
			public int read() {
				throw new AssertionError("the body was read");
			}
		};

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.ingestFile(new IngestFile(pkg.id().toString(), "../etc/passwd", null, ACTOR),
					untouched))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.INVALID_RELATIVE_PATH));
	}

	@Test
	void refusesAFileOfAnUnknownPackage() {
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.ingestFile(new IngestFile("00000000-0000-0000-0000-000000000000", "a", null,
					ACTOR), new ByteArrayInputStream(new byte[1])))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.PACKAGE_NOT_FOUND));
	}

	@Test
	void refusesAFileLargerThanTheLimitAndKeepsNothingOfIt() throws IOException {
		PackageView pkg = created(registry);
		byte[] tooLarge = new byte[1024 * 1024 + 1];

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.ingestFile(new IngestFile(pkg.id().toString(), "big.bin", null, ACTOR),
					new ByteArrayInputStream(tooLarge)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.FILE_TOO_LARGE));

		assertThat(registry.filesOf(List.of(pkg.id())).get(pkg.id())).isEmpty();
		try (Stream<Path> temporary = Files.list(blobDir.resolve("tmp"))) {
			assertThat(temporary).isEmpty();
		}
	}

	@Test
	void refusesAMalformedMediaType() {
		PackageView pkg = created(registry);

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.ingestFile(new IngestFile(pkg.id().toString(), "a", "not a type", ACTOR),
					new ByteArrayInputStream(new byte[1])))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.INVALID_MEDIA_TYPE));
	}

	@Test
	void finalizesIntoADeterministicManifestWhoseDigestIsThePackagesAddress() {
		PackageView pkg = created(registry);
		upload(registry, pkg, "z/last.txt", "z");
		upload(registry, pkg, "a/first.txt", "a");
		upload(registry, pkg, "B.txt", "b");

		PackageView finalized = registry.finalizePackage(pkg.id().toString(), ACTOR);

		LogEntry entry = log.after(log.head() - 1, 1).getFirst();
		ManifestBytes cbor = registry.manifest(pkg.id().toString(), ManifestFormat.CBOR);
		assertThat(finalized.status()).isEqualTo(PackageStatus.FINALIZED);
		assertThat(entry.type()).isEqualTo(RegistryEvents.PACKAGE_FINALIZED);
		assertThat(cbor.bytes()).isEqualTo(entry.payloadCbor());
		assertThat(CanonicalCbor.isDeterministic(cbor.bytes())).isTrue();
		assertThat(finalized.manifestDigest())
			.isEqualTo(cbor.manifestDigest())
			.isEqualTo("blake3:" + Digests.hex(Blake3.hash(cbor.bytes())));
		Map<String, Object> manifest = CanonicalCbor.decodeMap(cbor.bytes());
		assertThat(manifest).containsEntry("manifest_version", 1L);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> files = (List<Map<String, Object>>) manifest.get("files");
		assertThat(files).extracting(file -> file.get("relative_path"))
			.containsExactly("B.txt", "a/first.txt", "z/last.txt");
		@SuppressWarnings("unchecked")
		Map<String, Object> described = (Map<String, Object>) manifest.get("package");
		assertThat(described).containsEntry("status", "finalized")
			.containsEntry("created_at", pkg.createdAt().toString())
			.containsEntry("finalized_at", finalized.finalizedAt().toString());
		assertThat(finalized.finalizedAt()).as("the finalize event's own time").isEqualTo(entry.createdAt());
		@SuppressWarnings("unchecked")
		Map<String, Object> provenance = (Map<String, Object>) manifest.get("provenance");
		assertThat(provenance).containsEntry("ingest_timestamps", Map.of("finalized_at", entry.createdAt().toString()));
		@SuppressWarnings("unchecked")
		Map<String, Object> retention = (Map<String, Object>) manifest.get("retention_summary");
		assertThat(retention).containsEntry("retention_class", "standard")
			.containsEntry("active_holds", List.of())
			.containsEntry("expires_at", null)
			.containsEntry("last_retention_event_sequence", null);
		assertThat(registry.manifest(pkg.id().toString(), ManifestFormat.CBOR).bytes()).isEqualTo(cbor.bytes());
	}

	@Test
	void servesTheJsonProjectionOfTheManifestAsJcs() {
		PackageView pkg = created(registry);
		upload(registry, pkg, "a.txt", "a");
		registry.finalizePackage(pkg.id().toString(), ACTOR);

		ManifestBytes json = registry.manifest(pkg.id().toString(), ManifestFormat.JSON);

		String text = new String(json.bytes(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\"files\":[{\"digest_algorithm\":\"blake3\",")
			.contains("\"manifest_version\":1,")
			.doesNotContain("\n", " :", ": ");
		assertThat(registry.manifest(pkg.id().toString(), ManifestFormat.JSON).bytes()).isEqualTo(json.bytes());
	}

	@Test
	void emptyPackagesFinalize() {
		PackageView pkg = created(registry);

		PackageView finalized = registry.finalizePackage(pkg.id().toString(), ACTOR);

		assertThat(finalized.status()).isEqualTo(PackageStatus.FINALIZED);
	}

	@Test
	void aFinalizedPackageTakesNoFileAndNoSecondFinalize() {
		PackageView pkg = created(registry);
		registry.finalizePackage(pkg.id().toString(), ACTOR);

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> upload(registry, pkg, "late.txt", "x"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.ILLEGAL_PACKAGE_STATE));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.finalizePackage(pkg.id().toString(), ACTOR))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.ILLEGAL_PACKAGE_STATE));
	}

	@Test
	void aPackageWithoutManifestHasNone() {
		PackageView pkg = created(registry);

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.manifest(pkg.id().toString(), ManifestFormat.CBOR))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.MANIFEST_NOT_FOUND));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.manifest("nope", ManifestFormat.CBOR))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.PACKAGE_NOT_FOUND));
	}

	@Test
	void opensAFileWholeOrInPart() throws IOException {
		FileView file = upload(registry, created(registry), "digits.txt", "0123456789");

		FileContent whole = registry.openContent(file.id().toString(), 0, null);
		FileContent part = registry.openContent(file.id().toString(), 3, 4L);

		try (InputStream in = whole.stream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
		}
		try (InputStream in = part.stream()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
		}
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.openContent(file.id().toString(), 8, 5L))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.RANGE_NOT_SATISFIABLE));
	}

	@Test
	void filtersPackagesByMetadataInSqlAndPagesThem() {
		String producer = anyProducer();
		for (int i = 0; i < 3; i++) {
			registry.createPackage(new CreatePackage("p" + i, producer, "s", "standard",
					Map.of("build", i, "branch", i == 1 ? "release" : "main"), null, ACTOR));
		}

		var byValue = registry.packages(new PackageFilter(producer, null, null, "branch", "release"), null, 10);
		var byNumber = registry.packages(new PackageFilter(producer, null, null, "build", "2"), null, 10);
		var firstTwo = registry.packages(new PackageFilter(producer, null, null, "branch", null), null, 2);
		var rest = registry.packages(new PackageFilter(producer, null, null, "branch", null),
				firstTwo.items().getLast().keyset(), 2);

		assertThat(byValue.items()).extracting(PackageView::name).containsExactly("p1");
		assertThat(byNumber.items()).extracting(PackageView::name).containsExactly("p2");
		assertThat(firstTwo.items()).extracting(PackageView::name).containsExactly("p0", "p1");
		assertThat(firstTwo.hasNext()).isTrue();
		assertThat(rest.items()).extracting(PackageView::name).containsExactly("p2");
		assertThat(rest.hasNext()).isFalse();
		assertThat(jdbc.sql("EXPLAIN SELECT * FROM registry.package WHERE metadata ->> 'branch' = 'main'")
			.query(String.class)
			.list()).isNotEmpty();
	}

	@Test
	void purgesAPackageDeletingOnlyBlobsNoLivePackageUses() {
		PackageView purged = created(registry);
		PackageView kept = created(registry);
		FileView shared = upload(registry, purged, "shared.txt", "shared " + purged.id());
		upload(registry, kept, "shared.txt", "shared " + purged.id());
		FileView own = upload(registry, purged, "own.txt", "own " + purged.id());
		registry.finalizePackage(purged.id().toString(), ACTOR);

		PackageView tombstone = registry.purgePackage(purged.id(), true, ACTOR);

		assertThat(tombstone.status()).isEqualTo(PackageStatus.PURGED);
		assertThat(tombstone.metadata()).isEqualTo(purged.metadata());
		assertThat(registry.manifest(purged.id().toString(), ManifestFormat.CBOR).bytes()).isNotEmpty();
		assertThat(blobDir.resolve(own.objectKey())).doesNotExist();
		assertThat(blobDir.resolve(shared.objectKey())).exists();
		assertThat(registry.findFile(own.id().toString()).orElseThrow().storageStatus()).isEqualTo("purged");
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.openContent(own.id().toString(), 0, null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.FILE_NOT_FOUND));
		LogEntry entry = log.after(log.head() - 1, 1).getFirst();
		assertThat(entry.type()).isEqualTo(RegistryEvents.PACKAGE_PURGED);
		assertThat(entry.payload()).containsEntry("keep_manifest", true)
			.containsEntry("deleted_object_keys", List.of(own.objectKey()));
	}

	@Test
	void purgingWithoutKeepingTheManifestDropsIt() {
		PackageView pkg = created(registry);
		registry.finalizePackage(pkg.id().toString(), ACTOR);

		registry.purgePackage(pkg.id(), false);

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.manifest(pkg.id().toString(), ManifestFormat.JSON))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.MANIFEST_NOT_FOUND));
		assertThat(registry.findPackage(pkg.id().toString()).orElseThrow().manifestDigest()).isNotNull();
	}

	@Test
	void aPackageAbandonedBeforeFinalizeIsPurgedWithNoManifest() {
		PackageView pkg = created(registry);
		FileView own = upload(registry, pkg, "partial.bin", "abandoned " + pkg.id());

		PackageView tombstone = registry.purgePackage(pkg.id(), true, ACTOR);

		assertThat(tombstone.status()).isEqualTo(PackageStatus.PURGED);
		assertThat(tombstone.manifestDigest()).isNull();
		assertThat(blobDir.resolve(own.objectKey())).doesNotExist();
		assertThat(registry.findFile(own.id().toString()).orElseThrow().storageStatus()).isEqualTo("purged");
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.finalizePackage(pkg.id().toString(), ACTOR))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.ILLEGAL_PACKAGE_STATE));
	}

	@Test
	void aPurgedPackageIsNotPurgedAgain() {
		PackageView pkg = created(registry);
		registry.purgePackage(pkg.id(), true, ACTOR);
		long head = log.head();

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> registry.purgePackage(pkg.id(), true))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.ILLEGAL_PACKAGE_STATE));
		assertThat(log.head()).isEqualTo(head);
	}
}
