package dev.steward.app.graphql.registry;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.app.http.registry.RegistryBytesController;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.MetadataSchemaFacade;
import dev.steward.registry.MetadataSchemaFacade.MetadataSchemaView;
import dev.steward.registry.MetadataSchemaFacade.RegisterMetadataSchema;
import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.PackageFilter;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.StorageFacade;
import dev.steward.registry.StorageFacade.OrphanCollection;
import dev.steward.registry.StorageFacade.StorageVerification;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import dev.steward.registry.StorageFacade.StorageBackendView;
import graphql.GraphQLContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Packages, files, metadata schemas and the registry event log over GraphQL. Viewers read and subscribe, authors
 * create and finalize packages, admins register metadata schemas. Bytes are moved by {@link RegistryBytesController}.
 */
@Controller
@RequiresRole(Role.VIEWER)
class RegistryGraphQlController {

	static final int DEFAULT_FIRST = 20;

	private final RegistryFacade registry;

	private final MetadataSchemaFacade schemas;

	private final StorageFacade storage;

	private final EventLog log;

	private final EventStreams events;

	RegistryGraphQlController(RegistryFacade registry, MetadataSchemaFacade schemas, StorageFacade storage,
			@Qualifier("registryEventLog") EventLog log, EventStreams events) {
		this.registry = registry;
		this.schemas = schemas;
		this.storage = storage;
		this.log = log;
		this.events = events;
	}

	@QueryMapping(name = "package")
	@RequiresRole(Role.VIEWER)
	@Nullable PackageView packageById(@Argument String id) {
		return registry.findPackage(id).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<PackageView> packages(@Argument @Nullable PackageFilterInput filter, ScrollSubrange subrange) {
		PackageFilter query = filter == null ? PackageFilter.none()
				: new PackageFilter(filter.producer(), filter.subject(), filter.retentionClass(), filter.metadataKey(),
						filter.metadataValue());
		if (query.metadataValue() != null && query.metadataKey() == null) {
			throw new InvalidArgumentError("filter.metadataValue needs filter.metadataKey");
		}
		return registry.packages(query, Subranges.after(subrange), Subranges.size(subrange, DEFAULT_FIRST));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable FileView file(@Argument String id) {
		return registry.findFile(id).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable MetadataSchemaView metadataSchema(@Argument String slug) {
		return schemas.find(slug).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<MetadataSchemaView> metadataSchemas() {
		return schemas.list();
	}

	@QueryMapping(name = "registryEvents")
	@RequiresRole(Role.VIEWER)
	List<LogEntry> registryEventPage(@Argument long after, @Argument int first) {
		if (after < 0) {
			throw new InvalidArgumentError("after must not be negative");
		}
		Page.checkSize(first);
		return log.after(after, first);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<StorageBackendView> storageBackends() {
		return storage.backends();
	}

	@QueryMapping
	@RequiresRole(Role.ADMIN)
	RegistryViewsVerification verifyRegistryViews() {
		return registry.verifyViews();
	}

	@SchemaMapping(typeName = "RegistryViewsVerification", field = "consistent")
	@RequiresRole(Role.ADMIN)
	boolean consistent(RegistryViewsVerification verification) {
		return verification.clean();
	}

	@SchemaMapping(typeName = "RegistryViewsVerification", field = "eventsReplayed")
	@RequiresRole(Role.ADMIN)
	long eventsReplayed(RegistryViewsVerification verification) {
		return verification.replayed();
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	StorageVerification verifyStorage(@Argument String backendId, GraphQLContext context) {
		return storage.verifyStorage(backendId, CurrentPrincipal.of(context).name());
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	OrphanCollection collectOrphanBlobs() {
		return storage.collectOrphans();
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	PackagePayload createPackage(@Argument CreatePackageInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new PackagePayload(registry.createPackage(new CreatePackage(input.name(), input.producer(),
				input.subject(), input.retentionClass(), input.metadata(), input.metadataSchema(), actor,
				input.idempotencyKey())));
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	PackagePayload finalizePackage(@Argument FinalizePackageInput input, GraphQLContext context) {
		return new PackagePayload(registry.finalizePackage(input.id(), CurrentPrincipal.of(context).name()));
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	MetadataSchemaPayload registerMetadataSchema(@Argument RegisterMetadataSchemaInput input, GraphQLContext context) {
		return new MetadataSchemaPayload(schemas.register(new RegisterMetadataSchema(input.slug(), input.jsonSchema(),
				CurrentPrincipal.of(context).name())));
	}

	@SubscriptionMapping(name = "registryEvents")
	@RequiresRole(Role.VIEWER)
	Flux<LogEntry> registryEvents(@Argument @Nullable Long after, @Argument @Nullable List<String> types) {
		if (after != null && after < 0) {
			throw new InvalidArgumentError("after must not be negative");
		}
		Flux<LogEntry> entries = events.stream("registry", after);
		if (types == null) {
			return entries;
		}
		Set<String> wanted = Set.copyOf(types);
		return entries.filter(entry -> wanted.contains(entry.type()));
	}

	@BatchMapping(typeName = "Package", field = "files")
	@RequiresRole(Role.VIEWER)
	Map<PackageView, List<FileView>> files(List<PackageView> packages) {
		Map<PackageId, List<FileView>> byId = registry.filesOf(packages.stream().map(PackageView::id).toList());
		Map<PackageView, List<FileView>> result = new LinkedHashMap<>();
		packages.forEach(pkg -> result.put(pkg, byId.getOrDefault(pkg.id(), List.of())));
		return result;
	}

	@SchemaMapping(typeName = "Package", field = "id")
	@RequiresRole(Role.VIEWER)
	String packageId(PackageView pkg) {
		return pkg.id().toString();
	}

	@SchemaMapping(typeName = "Package", field = "status")
	@RequiresRole(Role.VIEWER)
	String status(PackageView pkg) {
		return pkg.status().name();
	}

	@SchemaMapping(typeName = "Package", field = "manifestUrl")
	@RequiresRole(Role.VIEWER)
	@Nullable String manifestUrl(PackageView pkg) {
		return pkg.manifestDigest() == null ? null : RegistryBytesController.manifestPath(pkg.id().toString());
	}

	@SchemaMapping(typeName = "PackageFile", field = "id")
	@RequiresRole(Role.VIEWER)
	String fileId(FileView file) {
		return file.id().toString();
	}

	@SchemaMapping(typeName = "PackageFile", field = "packageId")
	@RequiresRole(Role.VIEWER)
	String filePackageId(FileView file) {
		return file.packageId().toString();
	}

	@SchemaMapping(typeName = "PackageFile", field = "contentUrl")
	@RequiresRole(Role.VIEWER)
	String contentUrl(FileView file) {
		return RegistryBytesController.contentPath(file.id().toString());
	}

	@SchemaMapping(typeName = "RegistryEvent", field = "payloadCbor")
	@RequiresRole(Role.VIEWER)
	String payloadCbor(LogEntry entry) {
		return Base64.getEncoder().encodeToString(entry.payloadCbor());
	}

	record PackageFilterInput(@Nullable String producer, @Nullable String subject, @Nullable String retentionClass,
			@Nullable String metadataKey, @Nullable String metadataValue) {
	}

	record CreatePackageInput(String name, String producer, String subject, String retentionClass,
			@Nullable Object metadata, @Nullable String metadataSchema, @Nullable String idempotencyKey) {
	}

	record FinalizePackageInput(String id) {
	}

	record RegisterMetadataSchemaInput(String slug, Object jsonSchema) {
	}

	record PackagePayload(PackageView pkg) {

		/** The schema's field name, a Java keyword. */
		public PackageView getPackage() {
			return pkg;
		}
	}

	record MetadataSchemaPayload(MetadataSchemaView metadataSchema) {
	}
}
