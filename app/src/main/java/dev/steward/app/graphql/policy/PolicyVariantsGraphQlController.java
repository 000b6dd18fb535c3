package dev.steward.app.graphql.policy;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.kernel.Page;
import org.springframework.graphql.data.query.ScrollSubrange;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.Role;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationReplayCheck;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyFacade.PolicyDiffView;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.policy.ActivationFacade.RollbackActivation;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.PolicyFacade.ValidationResult;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Policy variants, validation and activation over GraphQL. Viewers read and subscribe, authors write and
 * validate variants, operators activate and roll back.
 */
@Controller
class PolicyVariantsGraphQlController {

	private final PolicyFacade policies;

	private final ActivationFacade activations;

	private final EventStreams events;

	PolicyVariantsGraphQlController(PolicyFacade policies, ActivationFacade activations, EventStreams events) {
		this.policies = policies;
		this.activations = activations;
		this.events = events;
	}

	@QueryMapping
	PolicyViewsVerification verifyPolicyViews(GraphQLContext context) {
		CurrentPrincipal.require(context, Role.ADMIN);
		return policies.verifyViews();
	}

	@QueryMapping
	Page<PolicyVariantView> policies(@Argument @Nullable PolicyFilterInput filter, ScrollSubrange subrange,
			GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		PolicyFilter query = filter == null ? PolicyFilter.none()
				: new PolicyFilter(filter.policyType(), filter.namespace(), code(filter.status()));
		return policies.list(query, Subranges.after(subrange), Subranges.size(subrange, 20));
	}

	@QueryMapping
	@Nullable PolicyVariantView policy(@Argument String id, @Argument @Nullable String variant, GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return policies.find(id, variant).orElse(null);
	}

	@QueryMapping
	List<ValidationResult> validationRuns(@Argument String policyId, @Argument String variant, GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return policies.validationRuns(policyId, variant);
	}

	@QueryMapping
	PolicyDiffView policyDiff(@Argument String policyId, @Argument String from, @Argument String to,
			GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return policies.diff(policyId, from, to);
	}

	@QueryMapping
	List<PolicyTypeView> policyTypes(GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return policies.policyTypes();
	}

	@MutationMapping
	PolicyTypePayload registerPolicyType(@Argument RegisterPolicyTypeInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.require(context, Role.ADMIN).name();
		return new PolicyTypePayload(policies.registerPolicyType(
				new RegisterPolicyType(input.name(), input.layer(), input.jsonSchema(), actor, input.idempotencyKey())));
	}

	@SchemaMapping(typeName = "PolicyType", field = "layer")
	String policyTypeLayer(PolicyTypeView type) {
		return type.layer().toUpperCase(Locale.ROOT);
	}

	@MutationMapping
	PolicyVariantPayload upsertPolicyVariant(@Argument UpsertPolicyVariantInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.require(context, Role.AUTHOR).name();
		return new PolicyVariantPayload(policies.upsert(new UpsertPolicyVariant(input.policyId(), input.variant(),
				input.schemaVersion(), input.policyVersion(), code(input.status()), input.content(),
				input.expectedVersion(), actor, input.idempotencyKey())));
	}

	@MutationMapping
	ValidationResult validatePolicyVariant(@Argument ValidatePolicyVariantInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.require(context, Role.AUTHOR).name();
		return policies.validate(new ValidatePolicyVariant(input.policyId(), input.variant(), input.schemaVersion(),
				input.policyVersion(), code(input.status()), input.content(), actor, input.idempotencyKey()));
	}

	@QueryMapping
	List<ActivationView> activations(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable Boolean effective, GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return activations.activations(worldId, Objects.requireNonNullElse(clientProfile, ""),
				Boolean.TRUE.equals(effective));
	}

	@QueryMapping
	Page<ActivationEventView> activationEvents(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable String policyId, ScrollSubrange subrange, GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return activations.activationEvents(worldId, Objects.requireNonNullElse(clientProfile, ""), policyId,
				Subranges.after(subrange), Subranges.size(subrange, 50));
	}

	@QueryMapping
	ActivationReplayCheck verifyActivationReplay(@Argument String worldId, @Argument @Nullable String clientProfile,
			GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		return activations.verifyReplay(worldId, Objects.requireNonNullElse(clientProfile, ""));
	}

	@MutationMapping
	ActivationPayload activatePolicy(@Argument ActivatePolicyInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.require(context, Role.OPERATOR).name();
		return new ActivationPayload(activations.activate(new ActivatePolicy(input.worldId(),
				Objects.requireNonNullElse(input.clientProfile(), ""), input.policyId(), input.variant(), actor,
				input.idempotencyKey())));
	}

	@MutationMapping
	ActivationPayload rollbackActivation(@Argument RollbackActivationInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.require(context, Role.OPERATOR).name();
		return new ActivationPayload(activations.rollback(new RollbackActivation(input.worldId(),
				input.clientProfile(), input.policyId(), input.activationEventId(), actor, input.idempotencyKey())));
	}

	@SubscriptionMapping("activationEvents")
	Flux<ActivationEventView> activationEventFeed(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable Long after, GraphQLContext context) {
		CurrentPrincipal.require(context, Role.VIEWER);
		Function<LogEntry, Optional<ActivationEventView>> feed = activations.activationFeed(worldId,
				Objects.requireNonNullElse(clientProfile, ""));
		return events.<LogEntry>stream("policy", after).mapNotNull(entry -> feed.apply(entry).orElse(null));
	}

	@SchemaMapping(typeName = "PolicyVariant", field = "id")
	String variantId(PolicyVariantView variant) {
		return variant.policyId() + "@" + variant.variant();
	}

	@SchemaMapping(typeName = "PolicyVariant", field = "status")
	String variantStatus(PolicyVariantView variant) {
		return variant.status().toUpperCase(Locale.ROOT);
	}

	@SchemaMapping(typeName = "ValidationRun", field = "id")
	String validationRunId(ValidationResult run) {
		return Long.toString(run.validationRunId());
	}

	@SchemaMapping(typeName = "ActivationEvent", field = "id")
	String activationEventId(ActivationEventView event) {
		return Long.toString(event.activationEventId());
	}



	private static @Nullable String code(@Nullable String status) {
		return status == null ? null : status.toLowerCase(Locale.ROOT);
	}

	record RegisterPolicyTypeInput(String name, String layer, Map<String, Object> jsonSchema,
			@Nullable String idempotencyKey) {
	}

	record PolicyTypePayload(PolicyTypeView policyType) {
	}

	record PolicyFilterInput(@Nullable String policyType, @Nullable String namespace, @Nullable String status) {
	}

	record UpsertPolicyVariantInput(String policyId, String variant, String schemaVersion, int policyVersion,
			String status, Object content, @Nullable Long expectedVersion, @Nullable String idempotencyKey) {
	}

	record ValidatePolicyVariantInput(String policyId, String variant, String schemaVersion, int policyVersion,
			String status, Object content, @Nullable String idempotencyKey) {
	}

	record PolicyVariantPayload(PolicyVariantView variant) {
	}



	record ActivatePolicyInput(String worldId, @Nullable String clientProfile, String policyId, String variant,
			@Nullable String idempotencyKey) {
	}

	record RollbackActivationInput(long activationEventId, @Nullable String worldId, @Nullable String clientProfile,
			@Nullable String policyId, @Nullable String idempotencyKey) {
	}

	record ActivationPayload(ActivationEventView event) {
	}
}
