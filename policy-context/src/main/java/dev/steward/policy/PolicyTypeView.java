package dev.steward.policy;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A policy type: built in, or registered at runtime with a JSON Schema for its content. */
public record PolicyTypeView(String name, String layer, boolean builtIn, @Nullable Map<String, Object> jsonSchema) {
}
