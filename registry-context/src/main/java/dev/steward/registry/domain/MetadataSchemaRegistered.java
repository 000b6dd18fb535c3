package dev.steward.registry.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A metadata schema was registered: {@code v1.metadata_schema.registered}. */
public record MetadataSchemaRegistered(UUID schemaId, String slug, Map<String, Object> jsonSchema, String actor)
		implements LoggedRegistryEvent {

	public static final String TYPE = "v1.metadata_schema.registered";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "metadata_schema";
	}

	@Override
	public String subjectId() {
		return schemaId.toString();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("slug", slug);
		payload.put("json_schema", jsonSchema);
		return payload;
	}
}
