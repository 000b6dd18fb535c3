package dev.steward.app.graphql.scalars;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.execution.GraphQlSource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class ScalarsIntegrationTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void wiresTheExtendedScalars() {
		GraphQLSchema schema = graphQlSource.schema();

		assertThat(scalar(schema, "JSON").getCoercing()).isSameAs(ExtendedScalars.Json.getCoercing());
		assertThat(scalar(schema, "UUID").getCoercing()).isSameAs(ExtendedScalars.UUID.getCoercing());
		assertThat(scalar(schema, "Long").getCoercing()).isSameAs(ExtendedScalars.GraphQLLong.getCoercing());
	}

	@Test
	void wiresADateTimeThatWritesInstants() {
		GraphQLScalarType dateTime = scalar(graphQlSource.schema(), "DateTime");

		Object written = dateTime.getCoercing()
			.serialize(Instant.parse("2026-11-21T20:16:00Z"), GraphQLContext.getDefault(), Locale.ROOT);

		assertThat(written).isEqualTo("2026-11-21T20:16:00.000Z");
	}

	private static GraphQLScalarType scalar(GraphQLSchema schema, String name) {
		return (GraphQLScalarType) schema.getType(name);
	}
}
