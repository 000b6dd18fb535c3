package dev.steward.app.graphql.retention;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionClassFacade;
import dev.steward.retention.RetentionClassFacade.ChangeRetentionClass;
import dev.steward.retention.RetentionClassFacade.CreateRetentionClass;
import dev.steward.retention.RetentionClassFacade.RetentionClassView;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.ApplyHold;
import dev.steward.retention.RetentionFacade.ExtendRetention;
import dev.steward.retention.RetentionFacade.HoldApplied;
import dev.steward.retention.RetentionFacade.PurgeEligible;
import dev.steward.retention.RetentionFacade.PurgeReport;
import dev.steward.retention.RetentionFacade.ReleaseHold;
import dev.steward.retention.RetentionFacade.RetentionEventView;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification;
import dev.steward.retention.RetentionFacade.ShortenRetention;
import dev.steward.retention.RetentionFacade.SweepReport;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import graphql.GraphQLContext;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Retention over GraphQL. Viewers read and subscribe; operators extend and apply and release holds; admins shorten,
 * sweep, purge and manage classes. The actor of every change is the authenticated principal.
 */
@Controller
@RequiresRole(Role.VIEWER)
class RetentionGraphQlController {

	static final int DEFAULT_HISTORY = 50;

	static final String DEFAULT_KIND = "package";

	private final RetentionFacade retention;

	private final RetentionClassFacade classes;

	private final EventStreams events;

	RetentionGraphQlController(RetentionFacade retention, RetentionClassFacade classes, EventStreams events) {
		this.retention = retention;
		this.classes = classes;
		this.events = events;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<RetentionClassView> retentionClasses() {
		return classes.classes();
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable RetentionClassView retentionClass(@Argument String name) {
		return classes.find(name).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable RetentionView retention(@Argument String subjectId, @Argument @Nullable String subjectKind) {
		return subject(subjectKind, subjectId).flatMap(retention::find).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<RetentionEventView> retentionHistory(@Argument String subjectId, @Argument @Nullable String subjectKind,
			ScrollSubrange subrange) {
		Optional<SubjectRef> subject = subject(subjectKind, subjectId);
		int size = Subranges.size(subrange, DEFAULT_HISTORY);
		return subject.map(found -> retention.history(found, Subranges.after(subrange), size))
			.orElseGet(() -> new Page<>(List.of(), false, false));
	}

	@QueryMapping
	@RequiresRole(Role.ADMIN)
	RetentionViewsVerification verifyRetentionViews() {
		return retention.verifyViews();
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	RetentionClassPayload createRetentionClass(@Argument CreateRetentionClassInput input, GraphQLContext context) {
		return new RetentionClassPayload(classes.create(new CreateRetentionClass(input.name(),
				input.defaultDurationSeconds(), input.deletionStrategy(), input.mode(),
				Objects.requireNonNullElse(input.description(), ""), actor(context))));
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	RetentionClassPayload updateRetentionClass(@Argument UpdateRetentionClassInput input, GraphQLContext context) {
		return new RetentionClassPayload(classes.change(new ChangeRetentionClass(input.name(),
				input.defaultDurationSeconds(), Boolean.TRUE.equals(input.keepForever()), input.deletionStrategy(),
				input.mode(), input.description(), input.expectedVersion(), actor(context))));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	RetentionPayload extendRetention(@Argument ExpiryInput input, GraphQLContext context) {
		return new RetentionPayload(retention.extend(new ExtendRetention(input.subject(),
				input.newExpiresAt().toInstant(), input.reason(), actor(context))));
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	RetentionPayload shortenRetention(@Argument ExpiryInput input, GraphQLContext context) {
		return new RetentionPayload(retention.shorten(new ShortenRetention(input.subject(),
				input.newExpiresAt().toInstant(), input.reason(), actor(context))));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	HoldApplied applyHold(@Argument ApplyHoldInput input, GraphQLContext context) {
		return retention.applyHold(new ApplyHold(SubjectInput.subject(input.subjectKind(), input.subjectId()),
				input.reason(), actor(context), input.idempotencyKey()));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	RetentionPayload releaseHold(@Argument ReleaseHoldInput input, GraphQLContext context) {
		return new RetentionPayload(retention.releaseHold(new ReleaseHold(
				SubjectInput.subject(input.subjectKind(), input.subjectId()), input.holdId(), input.reason(),
				actor(context))));
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	SweepReport sweepRetention(GraphQLContext context) {
		return retention.sweep(actor(context));
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	PurgeReport purgeEligible(@Argument @Nullable Boolean dryRun, @Argument @Nullable Integer limit,
			GraphQLContext context) {
		return retention.purgeEligible(new PurgeEligible(Boolean.TRUE.equals(dryRun),
				Objects.requireNonNullElse(limit, 100), actor(context)));
	}

	@SubscriptionMapping
	@RequiresRole(Role.VIEWER)
	Flux<RetentionEventView> retentionEvents(@Argument @Nullable Long after) {
		if (after != null && after < 0) {
			throw new InvalidArgumentError("after must not be negative");
		}
		return events.<LogEntry>stream("retention", after).map(RetentionEvents::view);
	}

	@SchemaMapping(typeName = "RetentionEvent", field = "payloadCbor")
	String payloadCbor(RetentionEventView event) {
		return Base64.getEncoder().encodeToString(event.payloadCbor());
	}

	@SchemaMapping(typeName = "Retention", field = "id")
	String id(RetentionView view) {
		return view.subjectKind() + ":" + view.subjectId();
	}

	@SchemaMapping(typeName = "RetentionClass", field = "id")
	String id(RetentionClassView view) {
		return view.name();
	}

	/** A subject the arguments could name, or empty for a kind or id that no subject can have. */
	private static Optional<SubjectRef> subject(@Nullable String kind, String id) {
		try {
			return Optional.of(SubjectInput.subject(kind, id));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String actor(GraphQLContext context) {
		return CurrentPrincipal.of(context).name();
	}

	/** The subject of an input: a package unless the kind says otherwise. */
	static final class SubjectInput {

		private SubjectInput() {}

		static SubjectRef subject(@Nullable String kind, String id) {
			return SubjectRef.of(Objects.requireNonNullElse(kind, DEFAULT_KIND), id.strip());
		}
	}

	record CreateRetentionClassInput(String name, @Nullable Long defaultDurationSeconds,
			DeletionStrategy deletionStrategy, RetentionMode mode, @Nullable String description) {
	}

	record UpdateRetentionClassInput(String name, @Nullable Long defaultDurationSeconds, @Nullable Boolean keepForever,
			@Nullable DeletionStrategy deletionStrategy, @Nullable RetentionMode mode, @Nullable String description,
			@Nullable Long expectedVersion) {
	}

	record ExpiryInput(String subjectId, @Nullable String subjectKind, OffsetDateTime newExpiresAt, String reason) {

		SubjectRef subject() {
			return SubjectInput.subject(subjectKind, subjectId);
		}
	}

	record ApplyHoldInput(String subjectId, @Nullable String subjectKind, String reason,
			@Nullable String idempotencyKey) {
	}

	record ReleaseHoldInput(String subjectId, @Nullable String subjectKind, UUID holdId, String reason) {
	}

	record RetentionClassPayload(RetentionClassView retentionClass) {
	}

	record RetentionPayload(RetentionView retention) {
	}
}
