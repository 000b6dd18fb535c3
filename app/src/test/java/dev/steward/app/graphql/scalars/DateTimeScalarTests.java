package dev.steward.app.graphql.scalars;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DateTimeScalarTests {

	final GraphQLContext context = GraphQLContext.getDefault();

	@Test
	void writesAnInstantInUtc() {
		Instant instant = Instant.parse("2026-11-21T20:16:00Z");

		Object written = DateTimeScalar.INSTANCE.getCoercing().serialize(instant, context, Locale.ROOT);

		assertThat(written).isEqualTo("2026-11-21T20:16:00.000Z");
	}

	@Test
	void writesAnOffsetDateTimeWithItsOffset() {
		OffsetDateTime time = OffsetDateTime.of(2026, 11, 21, 21, 16, 0, 0, ZoneOffset.ofHours(1));

		Object written = DateTimeScalar.INSTANCE.getCoercing().serialize(time, context, Locale.ROOT);

		assertThat(written).isEqualTo("2026-11-21T21:16:00.000+01:00");
	}

	@Test
	void readsAnRfc3339LiteralAsAnOffsetDateTime() {
		StringValue literal = StringValue.of("2026-11-21T20:16:00Z");

		Object read = DateTimeScalar.INSTANCE.getCoercing()
			.parseLiteral(literal, CoercedVariables.emptyVariables(), context, Locale.ROOT);

		assertThat(read).isEqualTo(OffsetDateTime.of(2026, 11, 21, 20, 16, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void keepsTheNameTheSchemaDeclares() {
		String name = DateTimeScalar.INSTANCE.getName();

		assertThat(name).isEqualTo("DateTime");
	}
}
