package dev.steward.app.graphql.server;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts the GraphQL executions of subscription events in the metric
 * {@code steward.graphql.subscription.executions}: one per event per group of identical subscriptions, however many
 * subscribers the group has.
 */
final class SubscriptionExecutions implements Instrumentation {

	private final Counter executions;

	SubscriptionExecutions(MeterRegistry meters) {
		this.executions = Counter.builder("steward.graphql.subscription.executions")
			.description("GraphQL executions of subscription events: one per event per group of identical subscriptions")
			.register(meters);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
			@Nullable InstrumentationState state) {
		executions.increment();
		return SimpleInstrumentationContext.noOp();
	}

	double count() {
		return executions.count();
	}
}
