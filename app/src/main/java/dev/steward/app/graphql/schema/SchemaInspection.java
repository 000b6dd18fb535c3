package dev.steward.app.graphql.schema;

import graphql.schema.FieldCoordinates;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Keeps the schema mapping inspection's report of the schema as built at start, and warns of every gap in it: a
 * field without a data fetcher, a controller method without a field, or an argument nobody reads.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

	private static final Logger LOG = LoggerFactory.getLogger(SchemaInspection.class);

	private final AtomicReference<@Nullable SchemaReport> report = new AtomicReference<>();

	@Override
	public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
		builder.inspectSchemaMappings(this::keep);
	}

	private void keep(SchemaReport schemaReport) {
		report.set(schemaReport);
		if (!unmappedFields(schemaReport).isEmpty() || !schemaReport.unmappedRegistrations().isEmpty()
				|| !schemaReport.unmappedArguments().isEmpty()) {
			LOG.warn("GraphQL schema has gaps: {}", schemaReport);
		}
	}

	/**
	 * The fields nothing serves. A connection's {@code edges} and {@code pageInfo} are not among them: Spring for
	 * GraphQL builds every connection from the page a controller returns, which the inspection does not see.
	 */
	public List<FieldCoordinates> unmappedFields() {
		return unmappedFields(report());
	}

	private static List<FieldCoordinates> unmappedFields(SchemaReport report) {
		return report.unmappedFields()
			.stream()
			.filter(field -> !(field.getTypeName().endsWith("Connection")
					&& (field.getFieldName().equals("edges") || field.getFieldName().equals("pageInfo"))))
			.toList();
	}

	/** The report, once the schema has been built. */
	public SchemaReport report() {
		SchemaReport current = report.get();
		if (current == null) {
			throw new IllegalStateException("The GraphQL schema has not been inspected yet");
		}
		return current;
	}
}
