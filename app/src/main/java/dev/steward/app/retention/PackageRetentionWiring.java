package dev.steward.app.retention;

import dev.steward.registry.PackageCreated;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageRetention;
import dev.steward.registry.RegistryFacade;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.ApplyDefaultRetention;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.RetentionSubjectHandler;
import dev.steward.retention.SubjectRef;
import org.jspecify.annotations.Nullable;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Registry packages as retention subjects of kind {@value #KIND}. A package's retention starts in the transaction
 * that creates it, from the class it names, measured from its creation event's time; an unknown class
 * ({@code RETENTION_CLASS_UNKNOWN}) rolls the creation back. Finalizing records the retention as it stands in the
 * manifest. Purging deletes the package's bytes that no other package references and leaves a tombstone: with its
 * manifest for the {@code purge} strategy, with its metadata only for {@code tombstone}.
 */
@Component
@Primary
class PackageRetentionWiring implements PackageRetention, RetentionSubjectHandler {

	static final String KIND = "package";

	private final RetentionFacade retention;

	private final RegistryFacade registry;

	PackageRetentionWiring(RetentionFacade retention, @Lazy RegistryFacade registry) {
		this.retention = retention;
		this.registry = registry;
	}

	static SubjectRef subject(PackageId id) {
		return SubjectRef.of(KIND, id.toString());
	}

	/** Runs inside the creating transaction: an exception here rolls the creation back. */
	@EventListener
	void on(PackageCreated created) {
		retention.applyDefault(new ApplyDefaultRetention(subject(created.packageId()), created.retentionClass(),
				created.createdAt(), actor()));
	}

	@Override
	public RetentionSummary summaryFor(PackageId id, String retentionClass) {
		SubjectRef subject = subject(id);
		Long last = retention.lastEventSequence(subject).stream().boxed().findFirst().orElse(null);
		return retention.find(subject)
			.map(view -> summary(view, last))
			.orElseGet(() -> new RetentionSummary(retentionClass, null, List.of()));
	}

	private static RetentionSummary summary(RetentionView view, @Nullable Long lastEventSequence) {
		return new RetentionSummary(view.retentionClass(), view.expiresAt(), view.activeHolds()
			.stream()
			.map(hold -> new ActiveHold(hold.holdId(), hold.reason(), hold.appliedAt()))
			.toList(), lastEventSequence);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void purge(SubjectRef subject, DeletionStrategy strategy) {
		registry.purgePackage(PackageId.parse(subject.id()), strategy == DeletionStrategy.PURGE);
	}

	/** The principal whose request created the package, as the security context carries it. */
	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication.getName() == null ? "registry" : authentication.getName();
	}
}
