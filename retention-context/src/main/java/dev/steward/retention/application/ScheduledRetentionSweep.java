package dev.steward.retention.application;

import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.SweepReport;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sweeps on a schedule ({@code steward.retention.sweep.interval}, 5 minutes unless configured), one instance at a
 * time: an instance that finds the sweep's lock taken skips its turn. {@code steward.retention.sweep.enabled=false}
 * turns the schedule off; {@code sweepRetention} still sweeps on demand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "steward.retention.sweep.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledRetentionSweep {

	static final String ACTOR = "retention-sweeper";

	private static final Logger LOG = LoggerFactory.getLogger(ScheduledRetentionSweep.class);

	private final RetentionFacade retention;

	private final SweepLock lock;

	ScheduledRetentionSweep(RetentionFacade retention, SweepLock lock) {
		this.retention = retention;
		this.lock = lock;
	}

	@Scheduled(initialDelayString = "${steward.retention.sweep.initial-delay:1m}",
			fixedDelayString = "${steward.retention.sweep.interval:5m}")
	void sweep() {
		Optional<SweepReport> report = lock.runExclusively(() -> retention.sweep(ACTOR));
		report.filter(done -> done.markedCount() > 0)
			.ifPresent(done -> LOG.info("The retention sweep marked {} subject(s) eligible for deletion",
					done.markedCount()));
	}
}
