package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.ACTOR;
import static dev.steward.registry.RegistryFixtures.anyProducer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.events.EventLog;
import dev.steward.registry.MetadataSchemaFacade.MetadataSchemaView;
import dev.steward.registry.MetadataSchemaFacade.RegisterMetadataSchema;
import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.PackageView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class MetadataSchemaManagementIntegrationTests {

	static final Map<String, Object> BUILD_SCHEMA = Map.of("type", "object", "required", List.of("build", "branch"),
			"properties", Map.of("build", Map.of("type", "integer", "minimum", 1), "branch",
					Map.of("type", "string", "pattern", "^[a-z]+$")));

	@Autowired
	MetadataSchemaFacade schemas;

	@Autowired
	RegistryFacade registry;

	@Autowired
	@Qualifier("registryEventLog")
	EventLog log;

	static String anySlug() {
		return "builds-" + UUID.randomUUID();
	}

	@Test
	void registersASchemaOnceBySlug() {
		String slug = anySlug();

		MetadataSchemaView first = schemas.register(new RegisterMetadataSchema(slug, BUILD_SCHEMA, ACTOR));
		long head = log.head();
		MetadataSchemaView again = schemas.register(new RegisterMetadataSchema(slug, BUILD_SCHEMA, "someone-else"));

		assertThat(again).isEqualTo(first);
		assertThat(log.head()).isEqualTo(head);
		assertThat(log.after(head - 1, 1).getFirst().type()).isEqualTo(RegistryEvents.METADATA_SCHEMA_REGISTERED);
		assertThat(schemas.find(slug)).contains(first);
	}

	@Test
	void refusesAnotherSchemaUnderATakenSlug() {
		String slug = anySlug();
		schemas.register(new RegisterMetadataSchema(slug, BUILD_SCHEMA, ACTOR));

		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> schemas.register(new RegisterMetadataSchema(slug, Map.of("type", "object"), ACTOR)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_SCHEMA_EXISTS));
	}

	@Test
	void refusesASchemaThatCannotBeUsed() {
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> schemas.register(new RegisterMetadataSchema(anySlug(), Map.of("type", 12), ACTOR)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_SCHEMA_INVALID));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> schemas.register(new RegisterMetadataSchema("Bad Slug", BUILD_SCHEMA, ACTOR)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_SCHEMA_INVALID));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> schemas.register(new RegisterMetadataSchema(anySlug(), List.of(), ACTOR)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_SCHEMA_INVALID));
	}

	@Test
	void checksMetadataAgainstTheWholeSchemaNotOnlyItsRequiredKeys() {
		String slug = anySlug();
		MetadataSchemaView schema = schemas.register(new RegisterMetadataSchema(slug, BUILD_SCHEMA, ACTOR));

		PackageView valid = registry.createPackage(new CreatePackage("n", anyProducer(), "s", "standard",
				Map.of("build", 7, "branch", "main"), slug, ACTOR));

		assertThat(valid.metadataSchemaId()).isEqualTo(schema.id());
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.createPackage(new CreatePackage("n", anyProducer(), "s", "standard",
					Map.of("build", 0, "branch", "Main"), slug, ACTOR)))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_INVALID);
				assertThat(ex.getMessage()).contains("metadata.build", "metadata.branch");
			});
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.createPackage(new CreatePackage("n", anyProducer(), "s", "standard",
					Map.of("build", 3), slug, ACTOR)))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("metadata.branch: is required"));
	}

	@Test
	void refusesAnUnknownSchema() {
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> registry.createPackage(new CreatePackage("n", anyProducer(), "s", "standard", Map.of(),
					"no-such-schema", ACTOR)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.METADATA_SCHEMA_NOT_FOUND));
	}
}
