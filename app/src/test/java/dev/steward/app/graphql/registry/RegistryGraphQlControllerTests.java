package dev.steward.app.graphql.registry;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static dev.steward.app.graphql.GraphQlErrorAssertions.subscriptionRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.FileId;
import dev.steward.registry.MetadataSchemaFacade;
import dev.steward.registry.MetadataSchemaFacade.MetadataSchemaView;
import dev.steward.registry.MetadataSchemaFacade.RegisterMetadataSchema;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageStatus;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.PackageFilter;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade;
import dev.steward.registry.StorageFacade.OrphanCollection;
import dev.steward.registry.StorageFacade.StorageVerification;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import dev.steward.registry.RegistryFacade.ViewDifference;
import dev.steward.registry.StorageFacade.StorageBackendView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@GraphQlTest(RegistryGraphQlController.class)
@GraphQlSlice
class RegistryGraphQlControllerTests {

	static final Instant CREATED = Instant.parse("2026-11-29T00:10:00Z");

	static final PackageId PKG = new PackageId(UUID.fromString("11111111-1111-4111-8111-111111111111"));

	static final PackageId OTHER = new PackageId(UUID.fromString("22222222-2222-4222-8222-222222222222"));

	static final FileId FILE = new FileId(UUID.fromString("33333333-3333-4333-8333-333333333333"));

	@Autowired
	SliceCallers callers;

	@MockitoBean
	RegistryFacade registry;

	@MockitoBean
	MetadataSchemaFacade schemas;

	@MockitoBean
	StorageFacade storage;

	@MockitoBean(name = "registryEventLog")
	EventLog log;

	@MockitoBean
	EventStreams events;

	static PackageView pkg(PackageId id, PackageStatus status) {
		return new PackageView(id, "build-7", "ci", "svc", "standard", Map.of("build", 7L), null, status,
				status == PackageStatus.CREATED ? null : "blake3:" + "ab".repeat(32), CREATED, "ada",
				status == PackageStatus.CREATED ? null : CREATED, null);
	}

	static FileView file(PackageId pkg, String path) {
		return new FileView(FILE, pkg, path, "text/plain", 3, "blake3", "64".repeat(32), "ba".repeat(32),
				"blake3:" + "64".repeat(32), UUID.randomUUID().toString(), "filesystem", "blake3/64/64/x", "hot",
				"recorded", CREATED, "ada");
	}

	@Test
	void readsAPackageWithItsFilesAndLinks() {
		given(registry.findPackage(PKG.toString())).willReturn(Optional.of(pkg(PKG, PackageStatus.FINALIZED)));
		given(registry.filesOf(List.of(PKG))).willReturn(Map.of(PKG, List.of(file(PKG, "a.txt"))));

		var response = callers.as("vera", Role.VIEWER).documentName("package").variable("id", PKG.toString()).execute();

		response.path("package.id").entity(String.class).isEqualTo(PKG.toString());
		response.path("package.status").entity(String.class).isEqualTo("FINALIZED");
		response.path("package.metadata.build").entity(Long.class).isEqualTo(7L);
		response.path("package.manifestUrl").entity(String.class)
			.isEqualTo("/registry/packages/" + PKG + "/manifest");
		response.path("package.files[0].relativePath").entity(String.class).isEqualTo("a.txt");
		response.path("package.files[0].id").entity(String.class).isEqualTo(FILE.toString());
		response.path("package.files[0].contentUrl").entity(String.class)
			.isEqualTo("/registry/files/" + FILE + "/content");
		response.path("package.files[0].sizeBytes").entity(Long.class).isEqualTo(3L);
	}

	@Test
	void loadsTheFilesOfAPageOfPackagesInOneBatch() {
		given(registry.packages(PackageFilter.none(), null, 20)).willReturn(
				new Page<>(List.of(pkg(PKG, PackageStatus.CREATED), pkg(OTHER, PackageStatus.CREATED)), false, false));
		given(registry.filesOf(anyCollection()))
			.willReturn(Map.of(PKG, List.of(file(PKG, "a.txt")), OTHER, List.of()));

		var response = callers.as("vera", Role.VIEWER).documentName("packages").execute();

		response.path("packages.edges[0].node.files[0].relativePath").entity(String.class).isEqualTo("a.txt");
		response.path("packages.edges[1].node.files").entityList(Object.class).hasSize(0);
		verify(registry, times(1)).filesOf(anyCollection());
	}

	@Test
	void passesTheMetadataFilterToTheRegistry() {
		PackageFilter filter = new PackageFilter("ci", null, null, "branch", "main");
		given(registry.packages(filter, null, 5)).willReturn(new Page<>(List.of(), false, false));

		callers.as("vera", Role.VIEWER)
			.documentName("packages")
			.variable("filter", Map.of("producer", "ci", "metadataKey", "branch", "metadataValue", "main"))
			.variable("first", 5)
			.execute()
			.path("packages.edges")
			.entityList(Object.class)
			.hasSize(0);

		verify(registry).packages(filter, null, 5);
	}

	@Test
	void refusesAMetadataValueWithoutAKey() {
		callers.as("vera", Role.VIEWER)
			.documentName("packages")
			.variable("filter", Map.of("metadataValue", "main"))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "packages"));

		verifyNoInteractions(registry);
	}

	@Test
	void createsAPackageAsTheCallingAuthor() {
		given(registry.createPackage(any())).willReturn(pkg(PKG, PackageStatus.CREATED));

		var response = callers.as("ada", Role.AUTHOR)
			.documentName("createPackage")
			.variable("input", Map.of("name", "build-7", "producer", "ci", "subject", "svc", "retentionClass",
					"standard", "metadata", Map.of("build", 7)))
			.execute();

		response.path("createPackage.package.status").entity(String.class).isEqualTo("CREATED");
		verify(registry).createPackage(
				new CreatePackage("build-7", "ci", "svc", "standard", Map.of("build", 7), null, "ada"));
	}

	@Test
	void passesTheIdempotencyKeyOfACreation() {
		given(registry.createPackage(any())).willReturn(pkg(PKG, PackageStatus.CREATED));

		callers.as("ada", Role.AUTHOR)
			.documentName("createPackage")
			.variable("input", Map.of("name", "build-7", "producer", "ci", "subject", "svc", "retentionClass",
					"standard", "idempotencyKey", "7f9c0b6e-3c1a-4a51"))
			.execute()
			.path("createPackage.package.status")
			.entity(String.class)
			.isEqualTo("CREATED");

		verify(registry).createPackage(
				new CreatePackage("build-7", "ci", "svc", "standard", Map.of(), null, "ada", "7f9c0b6e-3c1a-4a51"));
	}

	@Test
	void refusesAViewerCreatingAPackage() {
		callers.as("vera", Role.VIEWER)
			.documentName("createPackage")
			.variable("input", Map.of("name", "n", "producer", "p", "subject", "s", "retentionClass", "standard"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "createPackage"));

		verifyNoInteractions(registry);
	}

	@Test
	void servesTheRegistrysRefusalWithItsCode() {
		given(registry.finalizePackage(PKG.toString(), "ada")).willThrow(new RegistryException(
				RegistryErrorCode.ILLEGAL_PACKAGE_STATE, "Cannot finalize package: it is finalized, not created"));

		callers.as("ada", Role.AUTHOR)
			.documentName("finalizePackage")
			.variable("id", PKG.toString())
			.execute()
			.errors()
			.satisfy(onlyError("ILLEGAL_PACKAGE_STATE", "finalizePackage"));
	}

	@Test
	void finalizesAPackage() {
		given(registry.finalizePackage(PKG.toString(), "ada")).willReturn(pkg(PKG, PackageStatus.FINALIZED));

		callers.as("ada", Role.AUTHOR)
			.documentName("finalizePackage")
			.variable("id", PKG.toString())
			.execute()
			.path("finalizePackage.package.manifestDigest")
			.entity(String.class)
			.isEqualTo("blake3:" + "ab".repeat(32));
	}

	@Test
	void registersAMetadataSchemaOnlyAsAdmin() {
		MetadataSchemaView view = new MetadataSchemaView(UUID.randomUUID().toString(), "builds",
				Map.of("type", "object"), CREATED, "root");
		given(schemas.register(any())).willReturn(view);

		callers.as("ada", Role.OPERATOR)
			.documentName("registerMetadataSchema")
			.variable("input", Map.of("slug", "builds", "jsonSchema", Map.of("type", "object")))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "registerMetadataSchema"));
		callers.as("root", Role.ADMIN)
			.documentName("registerMetadataSchema")
			.variable("input", Map.of("slug", "builds", "jsonSchema", Map.of("type", "object")))
			.execute()
			.path("registerMetadataSchema.metadataSchema.slug")
			.entity(String.class)
			.isEqualTo("builds");

		verify(schemas).register(new RegisterMetadataSchema("builds", Map.of("type", "object"), "root"));
	}

	@Test
	void answersNullForAnUnknownFile() {
		given(registry.findFile("nope")).willReturn(Optional.empty());

		callers.as("vera", Role.VIEWER)
			.documentName("file")
			.variable("id", "nope")
			.execute()
			.errors()
			.verify()
			.path("file")
			.valueIsNull();
	}

	@Test
	void streamsTheRegistryLogKeepingOnlyTheAskedTypes() {
		given(events.<LogEntry>stream("registry", 9L)).willReturn(Flux.just(entry(10, "v1.package.created"),
				entry(11, "v1.file.ingested"), entry(12, "v1.package.finalized")));

		Flux<Long> sequences = callers.as("vera", Role.VIEWER)
			.documentName("registryEvents")
			.variable("after", 9)
			.variable("types", List.of("v1.package.created", "v1.package.finalized"))
			.executeSubscription()
			.toFlux("registryEvents.sequence", Long.class);

		StepVerifier.create(sequences).expectNext(10L, 12L).verifyComplete();
	}

	@Test
	void refusesANegativeAfter() {
		StepVerifier.create(callers.as("vera", Role.VIEWER)
			.documentName("registryEvents")
			.variable("after", -1)
			.executeSubscription()
			.toFlux())
			.expectErrorSatisfies(subscriptionRefused("INVALID_ARGUMENT"))
			.verify();

		verifyNoInteractions(events);
	}

	@Test
	void pagesTheRegistryLog() {
		given(log.after(0, 2)).willReturn(List.of(entry(1, "v1.package.created"), entry(2, "v1.file.ingested")));

		callers.as("vera", Role.VIEWER)
			.documentName("registryEventPage")
			.variable("after", 0)
			.variable("first", 2)
			.execute()
			.path("registryEvents[*].type")
			.entityList(String.class)
			.containsExactly("v1.package.created", "v1.file.ingested");
	}

	@Test
	void refusesAPageLargerThanTheLimit() {
		callers.as("vera", Role.VIEWER)
			.documentName("registryEventPage")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "registryEvents"));

		verifyNoInteractions(log);
	}

	@Test
	void reportsTheBlobStores() {
		given(storage.backends())
			.willReturn(List.of(new StorageBackendView("filesystem", "filesystem", true, "writable: /data", 2)));

		callers.as("vera", Role.VIEWER)
			.document("{ storageBackends { id kind up detail failedLocations } }")
			.execute()
			.path("storageBackends[0].failedLocations")
			.entity(Long.class)
			.isEqualTo(2L);
	}

	@Test
	void collectsOrphansOnlyAsOperator() {
		given(storage.collectOrphans()).willReturn(new OrphanCollection(10, 2, 300, CREATED));

		callers.as("ada", Role.AUTHOR)
			.document("mutation { collectOrphanBlobs { deleted } }")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "collectOrphanBlobs"));
		callers.as("otto", Role.OPERATOR)
			.document("mutation { collectOrphanBlobs { examined deleted deletedBytes olderThan } }")
			.execute()
			.path("collectOrphanBlobs.deletedBytes")
			.entity(Long.class)
			.isEqualTo(300L);
	}

	@Test
	void verifiesTheViewsOnlyAsAdmin() {
		given(registry.verifyViews()).willReturn(new RegistryViewsVerification(false, 12,
				List.of(new ViewDifference("package", PKG.toString(), "only in the view"))));

		callers.as("otto", Role.OPERATOR)
			.document("{ verifyRegistryViews { consistent } }")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "verifyRegistryViews"));
		var response = callers.as("root", Role.ADMIN)
			.document("{ verifyRegistryViews { consistent eventsReplayed differences { view key problem } } }")
			.execute();

		response.path("verifyRegistryViews.consistent").entity(Boolean.class).isEqualTo(false);
		response.path("verifyRegistryViews.eventsReplayed").entity(Long.class).isEqualTo(12L);
		response.path("verifyRegistryViews.differences[0].problem").entity(String.class).isEqualTo("only in the view");
	}

	@Test
	void verifiesAStoreAsTheCallingOperator() {
		given(storage.verifyStorage("filesystem", "otto"))
			.willReturn(new StorageVerification("filesystem", 3, 2, 1));

		callers.as("otto", Role.OPERATOR)
			.document("mutation { verifyStorage(backendId: \"filesystem\") { checked verified failed } }")
			.execute()
			.path("verifyStorage.failed")
			.entity(Long.class)
			.isEqualTo(1L);
		callers.as("ada", Role.AUTHOR)
			.document("mutation { verifyStorage(backendId: \"filesystem\") { checked } }")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "verifyStorage"));
	}

	static LogEntry entry(long sequence, String type) {
		return new LogEntry("registry", sequence, UUID.nameUUIDFromBytes(type.getBytes()), type, "package",
				PKG.toString(), "ada", new byte[] { (byte) 0xa1, 0x61, 0x61, 0x01 }, "d".repeat(64), "c".repeat(64),
				CREATED, null);
	}
}
