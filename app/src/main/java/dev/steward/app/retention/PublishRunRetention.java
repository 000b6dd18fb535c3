package dev.steward.app.retention;

import dev.steward.kernel.events.LoggedEvent;
import dev.steward.policy.PolicyEvents;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.ApplyDefaultRetention;
import dev.steward.retention.RetentionSubjectHandler;
import dev.steward.retention.SubjectRef;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Policy publish runs as retention subjects of kind {@value #KIND}. A run's retention starts in the transaction that
 * publishes it, from the class {@code steward.retention.publish-run-class} ({@code publish_run} unless configured),
 * measured from the run's generation time; an unknown class rolls the publish back. Purging a run withholds its
 * export artifact for good (its download answers 410 Gone, as it does once the run is past its expiry and not held);
 * the run itself, the policy context's audit record of what was frozen, stays.
 */
@Component
class PublishRunRetention implements RetentionSubjectHandler {

	static final String KIND = "publish_run";

	private static final Logger LOG = LoggerFactory.getLogger(PublishRunRetention.class);

	private final RetentionFacade retention;

	private final String retentionClass;

	private final Clock clock;

	PublishRunRetention(RetentionFacade retention,
			@Value("${steward.retention.publish-run-class:publish_run}") String retentionClass,
			ObjectProvider<Clock> clock) {
		this.retention = retention;
		this.retentionClass = retentionClass;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	/** The subject of publish run {@code publishRunId}. */
	static SubjectRef subject(long publishRunId) {
		return SubjectRef.of(KIND, Long.toString(publishRunId));
	}

	/** Runs inside the publishing transaction: an exception here rolls the publish back. */
	@EventListener
	void on(LoggedEvent event) {
		if (event.type().equals(PolicyEvents.PUBLISHED)) {
			retention.applyDefault(new ApplyDefaultRetention(SubjectRef.of(KIND, event.subjectId()), retentionClass,
					generatedAt(event.payload()), event.actor()));
		}
	}

	private Instant generatedAt(Map<String, ?> payload) {
		if (payload.get("manifest") instanceof Map<?, ?> manifest && manifest.get("generated_at") instanceof String at) {
			try {
				return Instant.parse(at);
			}
			catch (DateTimeParseException ex) {
				LOG.warn("A publish run's generated_at is not an instant ({}); its retention starts now", at);
			}
		}
		return clock.instant();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void purge(SubjectRef subject, DeletionStrategy strategy) {
		LOG.info("Publish run {} purged ({}): its export artifact is withheld from now on", subject.id(), strategy.code());
	}
}
