package dev.steward.registry.domain;

import java.util.List;
import java.util.Map;

/** Checks JSON Schemas and package metadata against them with a full JSON Schema implementation. */
public interface MetadataCheck {

	/** What is wrong with the schema itself; empty when it can be used. */
	List<String> checkSchema(Map<String, Object> jsonSchema);

	/** Every way the metadata breaks the schema, each as {@code <path>: <problem>}; empty when it satisfies it. */
	List<String> check(Map<String, Object> jsonSchema, Map<String, Object> metadata);
}
