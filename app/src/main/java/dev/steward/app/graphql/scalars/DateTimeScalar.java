package dev.steward.app.graphql.scalars;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The extended scalars' {@code DateTime} (RFC 3339 with an offset), which in version 24 serializes
 * {@link OffsetDateTime} and {@link java.time.ZonedDateTime} but not {@link Instant}, the type Steward keeps its
 * timestamps in. This one also writes an {@code Instant}, as UTC. Input still arrives as {@code OffsetDateTime}.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = ExtendedScalars.DateTime
		.transform(scalar -> scalar.coercing(new InstantAsUtc(ExtendedScalars.DateTime.getCoercing())));

	private DateTimeScalar() {
	}

	private record InstantAsUtc(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

		@Override
		public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
			return delegate.serialize(utcIfInstant(value), context, locale);
		}

		@Override
		public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) {
			return delegate.parseValue(input, context, locale);
		}

		@Override
		public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			return delegate.parseLiteral(input, variables, context, locale);
		}

		@Override
		public Value<?> valueToLiteral(Object value, GraphQLContext context, Locale locale) {
			return delegate.valueToLiteral(utcIfInstant(value), context, locale);
		}

		private static Object utcIfInstant(Object value) {
			return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
		}
	}
}
