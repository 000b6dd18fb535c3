package dev.steward.app.graphql.rules;

import dev.steward.app.events.EventStreams;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.EvaluationFacade;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

/**
 * Keeps this instance's evaluation in step with the rules log: every rules entry this instance hears of (its
 * own, or another instance's, through the doorbell) marks the evaluated rules as changed.
 */
@Component
class RuleReloads implements SmartLifecycle {

	private final EventStreams events;

	private final EvaluationFacade evaluation;

	private volatile @Nullable Disposable subscription;

	RuleReloads(EventStreams events, EvaluationFacade evaluation) {
		this.events = events;
		this.evaluation = evaluation;
	}

	@Override
	public void start() {
		subscription = events.<LogEntry>stream("rules", null)
			.doOnNext(entry -> evaluation.refresh())
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(signal -> evaluation.refresh()))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = subscription;
		if (current != null) {
			current.dispose();
		}
		subscription = null;
	}

	@Override
	public boolean isRunning() {
		return subscription != null;
	}
}
