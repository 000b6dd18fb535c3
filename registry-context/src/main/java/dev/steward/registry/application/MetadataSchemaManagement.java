package dev.steward.registry.application;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.registry.MetadataSchemaFacade;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.domain.MetadataCheck;
import dev.steward.registry.domain.MetadataSchema;
import dev.steward.registry.domain.MetadataSchemas;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers and reads metadata schemas; registering is idempotent by slug. */
@Service
class MetadataSchemaManagement implements MetadataSchemaFacade {

	private final MetadataSchemas schemas;

	private final MetadataCheck check;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	MetadataSchemaManagement(MetadataSchemas schemas, MetadataCheck check, PlatformTransactionManager transactions) {
		this.schemas = schemas;
		this.check = check;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	@SuppressWarnings("unchecked")
	public MetadataSchemaView register(RegisterMetadataSchema command) {
		String slug = MetadataSchema.slug(command.slug());
		if (!(CanonicalCbor.normalize(command.jsonSchema(), "jsonSchema") instanceof Map<?, ?> normalized)) {
			throw new RegistryException(RegistryErrorCode.METADATA_SCHEMA_INVALID, "A JSON Schema here is an object");
		}
		Map<String, Object> jsonSchema = (Map<String, Object>) normalized;
		List<String> errors = check.checkSchema(jsonSchema);
		if (!errors.isEmpty()) {
			throw new RegistryException(RegistryErrorCode.METADATA_SCHEMA_INVALID,
					"The metadata schema cannot be used: " + String.join("; ", errors));
		}
		try {
			return Objects.requireNonNull(transactions.execute(status -> {
				Optional<MetadataSchema> existing = schemas.findBySlug(slug);
				if (existing.isPresent()) {
					return sameOrConflict(existing.get(), jsonSchema);
				}
				return view(schemas.save(MetadataSchema.register(slug, jsonSchema, command.actor(), clock.instant())));
			}));
		}
		catch (DuplicateKeyException ex) {
			return sameOrConflict(schemas.findBySlug(slug).orElseThrow(() -> ex), jsonSchema);
		}
	}

	private static MetadataSchemaView sameOrConflict(MetadataSchema existing, Map<String, Object> jsonSchema) {
		if (!Arrays.equals(CanonicalCbor.encode(existing.jsonSchema()), CanonicalCbor.encode(jsonSchema))) {
			throw new RegistryException(RegistryErrorCode.METADATA_SCHEMA_EXISTS, "The slug " + existing.slug()
					+ " holds another schema; register a changed schema under a new slug");
		}
		return view(existing);
	}

	@Override
	public Optional<MetadataSchemaView> find(String slug) {
		return schemas.findBySlug(slug).map(MetadataSchemaManagement::view);
	}

	@Override
	public List<MetadataSchemaView> list() {
		return schemas.all().stream().map(MetadataSchemaManagement::view).toList();
	}

	static MetadataSchemaView view(MetadataSchema schema) {
		return new MetadataSchemaView(schema.getId().id().toString(), schema.slug(), schema.jsonSchema(),
				schema.createdAt(), schema.createdBy());
	}
}
