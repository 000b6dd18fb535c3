package dev.steward.app.graphql.scalars;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the scalars of {@code schema.graphqls} to their graphql-java-extended-scalars implementations. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE)
			.scalar(ExtendedScalars.Json)
			.scalar(ExtendedScalars.UUID)
			.scalar(ExtendedScalars.GraphQLLong);
	}
}
