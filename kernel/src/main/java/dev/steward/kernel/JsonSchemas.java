package dev.steward.kernel;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schema checks with networknt's json-schema-validator, for every context that checks documents against
 * schemas its users register. A schema's {@code $schema} chooses its draft: 2020-12
 * (the default when there is none), 2019-09 or draft-07.
 * <p>
 * Nothing is ever fetched: a schema may refer to itself ({@code #/$defs/...}) and to the drafts' own
 * meta-schemas, which ship with the library, but not to other documents, whether on the network, in files or on
 * the classpath.
 * <p>
 * Each error is {@code <path>: <what is wrong>}, the path starting at the root the caller names (or {@code schema})
 * and written as in {@code content.items[2].name}; a missing required property is named by its own path
 * ({@code content.text: is required}).
 */
public final class JsonSchemas {

	/** A schema that passed {@link #checkSchema} in another version, or was stored before, and cannot be used. */
	public static final class UnusableSchemaException extends RuntimeException {

		UnusableSchemaException(String reason) {
			super(reason);
		}
	}

	public static final List<Dialect> DIALECTS = List.of(Dialects.getDraft202012(), Dialects.getDraft201909(),
			Dialects.getDraft7());

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

	private static final String META_SCHEMA_HOST = "json-schema.org";

	private final JsonMapper json;

	private final SchemaRegistry registry;

	public JsonSchemas(JsonMapper json) {
		this.json = json;
		this.registry = SchemaRegistry.withDialects(DIALECTS, registry -> registry
			.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build())
			.schemaLoader(loader -> loader.allow(JsonSchemas::isMetaSchema)));
	}

	/**
	 * What is wrong with {@code content} under {@code schema}, each error's path starting at {@code root}; empty when
	 * nothing is.
	 * @throws UnusableSchemaException when the schema cannot be compiled or applied, with the reason
	 */
	public List<String> check(Map<String, Object> schema, Object content, String root) {
		Schema compiled;
		try {
			compiled = compile(json.valueToTree(schema));
		}
		catch (SchemaException ex) {
			throw new UnusableSchemaException(reason(ex));
		}
		try {
			return describe(root, compiled.validate(json.valueToTree(content)));
		}
		catch (SchemaException ex) {
			throw new UnusableSchemaException(reason(ex));
		}
	}

	/** What is wrong with a schema itself: its draft, its shape under the draft's meta-schema, its compilation. */
	public List<String> checkSchema(Map<String, Object> schema) {
		JsonNode schemaNode = json.valueToTree(schema);
		Optional<Dialect> dialect = dialectOf(schemaNode);
		if (dialect.isEmpty()) {
			return List.of("schema.$schema: must name one of the supported drafts "
					+ DIALECTS.stream().map(Dialect::getId).toList() + ", or be left out for 2020-12");
		}
		List<String> errors = describe("schema",
				registry.getSchema(SchemaLocation.of(dialect.get().getId())).validate(schemaNode));
		if (!errors.isEmpty()) {
			return errors;
		}
		try {
			compile(schemaNode);
			return List.of();
		}
		catch (SchemaException ex) {
			return List.of("schema: " + reason(ex));
		}
	}

	private Schema compile(JsonNode schemaNode) {
		Schema compiled = registry.getSchema(schemaNode);
		compiled.initializeValidators();
		return compiled;
	}

	private Optional<Dialect> dialectOf(JsonNode schemaNode) {
		JsonNode declared = schemaNode.get("$schema");
		if (declared == null) {
			return Optional.of(DIALECTS.getFirst());
		}
		if (!declared.isString()) {
			return Optional.empty();
		}
		String id = withoutEmptyFragment(declared.asString());
		return DIALECTS.stream().filter(dialect -> withoutEmptyFragment(dialect.getId()).equals(id)).findFirst();
	}

	private static List<String> describe(String root, List<Error> errors) {
		List<String> described = new ArrayList<>();
		for (Error error : errors) {
			String message;
			if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
				message = path(root, error.getInstanceLocation(), error.getProperty()) + ": is required";
			}
			else {
				message = path(root, error.getInstanceLocation(), null) + ": " + error.getMessage();
			}
			if (!described.contains(message)) {
				described.add(message);
			}
		}
		return List.copyOf(described);
	}

	public static String path(String root, NodePath location, @Nullable String property) {
		StringBuilder path = new StringBuilder(root);
		for (int i = 0; i < location.getNameCount(); i++) {
			appendElement(path, location.getElement(i));
		}
		if (property != null) {
			appendElement(path, property);
		}
		return path.toString();
	}

	private static void appendElement(StringBuilder path, Object element) {
		if (element instanceof Integer index) {
			path.append('[').append(index).append(']');
		}
		else if (PLAIN_NAME.matcher(element.toString()).matches()) {
			path.append('.').append(element);
		}
		else {
			path.append("['").append(element.toString().replace("\\", "\\\\").replace("'", "\\'")).append("']");
		}
	}

	private static String reason(SchemaException ex) {
		if (ex.getError() != null) {
			return ex.getError().getMessage();
		}
		if (ex.getCause() instanceof PatternSyntaxException pattern) {
			return "'" + pattern.getPattern() + "' is not a valid regular expression: " + pattern.getDescription();
		}
		return String.valueOf(ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage());
	}

	private static boolean isMetaSchema(AbsoluteIri iri) {
		String value = iri.toString();
		return value.startsWith("https://" + META_SCHEMA_HOST + "/") || value.startsWith("http://" + META_SCHEMA_HOST + "/");
	}

	private static String withoutEmptyFragment(String id) {
		return id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
	}
}
