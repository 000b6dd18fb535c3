package dev.steward.registry.infrastructure;

import dev.steward.kernel.JsonSchemas;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.domain.MetadataCheck;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Package metadata checked against its JSON Schema with the kernel's {@link JsonSchemas}: errors start at
 * {@code metadata} ({@code metadata.build: is required}); a schema that cannot be used is
 * {@code METADATA_SCHEMA_INVALID}.
 */
@Component
class NetworkntMetadataCheck implements MetadataCheck {

	private final JsonSchemas schemas = new JsonSchemas(RegistryJson.MAPPER);

	@Override
	public List<String> check(Map<String, Object> schema, Map<String, Object> content) {
		try {
			return schemas.check(schema, content, "metadata");
		}
		catch (JsonSchemas.UnusableSchemaException ex) {
			throw new RegistryException(RegistryErrorCode.METADATA_SCHEMA_INVALID,
					"The metadata schema cannot be used: " + ex.getMessage());
		}
	}

	@Override
	public List<String> checkSchema(Map<String, Object> schema) {
		return schemas.checkSchema(schema);
	}
}
