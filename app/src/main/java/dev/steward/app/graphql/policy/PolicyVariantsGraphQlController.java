package dev.steward.app.graphql.policy;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.kernel.Page;
import org.springframework.graphql.data.query.ScrollSubrange;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationReplayCheck;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyFacade.PolicyDiffView;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.PolicyStatus;
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
@RequiresRole(Role.VIEWER)
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
	@RequiresRole(Role.ADMIN)
	PolicyViewsVerification verifyPolicyViews() {
		return policies.verifyViews();
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<PolicyVariantView> policies(@Argument @Nullable PolicyFilterInput filter, ScrollSubrange subrange) {
		PolicyFilter query = filter == null ? PolicyFilter.none()
				: new PolicyFilter(filter.policyType(), filter.namespace(), filter.status());
		return policies.list(query, Subranges.after(subrange), Subranges.size(subrange, 20));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable PolicyVariantView policy(@Argument String id, @Argument @Nullable String variant) {
		return policies.find(id, variant).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<ValidationResult> validationRuns(@Argument String policyId, @Argument String variant) {
		return policies.validationRuns(policyId, variant);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	PolicyDiffView policyDiff(@Argument String policyId, @Argument String from, @Argument String to) {
		return policies.diff(policyId, from, to);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<PolicyTypeView> policyTypes() {
		return policies.policyTypes();
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	PolicyTypePayload registerPolicyType(@Argument RegisterPolicyTypeInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new PolicyTypePayload(policies.registerPolicyType(
				new RegisterPolicyType(input.name(), input.layer(), input.jsonSchema(), actor, input.idempotencyKey())));
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	PolicyVariantPayload upsertPolicyVariant(@Argument UpsertPolicyVariantInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new PolicyVariantPayload(policies.upsert(new UpsertPolicyVariant(input.policyId(), input.variant(),
				input.schemaVersion(), input.policyVersion(), input.status(), input.content(),
				input.expectedVersion(), actor, input.idempotencyKey())));
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	ValidationResult validatePolicyVariant(@Argument ValidatePolicyVariantInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return policies.validate(new ValidatePolicyVariant(input.policyId(), input.variant(), input.schemaVersion(),
				input.policyVersion(), input.status(), input.content(), actor, input.idempotencyKey()));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<ActivationView> activations(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable Boolean effective) {
		return activations.activations(worldId, Objects.requireNonNullElse(clientProfile, ""),
				Boolean.TRUE.equals(effective));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<ActivationEventView> activationEvents(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable String policyId, ScrollSubrange subrange) {
		return activations.activationEvents(worldId, Objects.requireNonNullElse(clientProfile, ""), policyId,
				Subranges.after(subrange), Subranges.size(subrange, 50));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	ActivationReplayCheck verifyActivationReplay(@Argument String worldId, @Argument @Nullable String clientProfile) {
		return activations.verifyReplay(worldId, Objects.requireNonNullElse(clientProfile, ""));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	ActivationPayload activatePolicy(@Argument ActivatePolicyInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new ActivationPayload(activations.activate(new ActivatePolicy(input.worldId(),
				Objects.requireNonNullElse(input.clientProfile(), ""), input.policyId(), input.variant(), actor,
				input.idempotencyKey())));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	ActivationPayload rollbackActivation(@Argument RollbackActivationInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new ActivationPayload(activations.rollback(new RollbackActivation(input.worldId(),
				input.clientProfile(), input.policyId(), input.activationEventId(), actor, input.idempotencyKey())));
	}

	@SubscriptionMapping("activationEvents")
	@RequiresRole(Role.VIEWER)
	Flux<ActivationEventView> activationEventFeed(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable Long after) {
		Function<LogEntry, Optional<ActivationEventView>> feed = activations.activationFeed(worldId,
				Objects.requireNonNullElse(clientProfile, ""));
		return events.<LogEntry>stream("policy", after).mapNotNull(entry -> feed.apply(entry).orElse(null));
	}

	@SchemaMapping(typeName = "PolicyVariant", field = "status")
	String variantStatus(PolicyVariantView variant) {
		return variant.status().toUpperCase(Locale.ROOT);
	}



	record RegisterPolicyTypeInput(String name, PolicyLayer layer, Map<String, Object> jsonSchema,
			@Nullable String idempotencyKey) {
	}

	record PolicyTypePayload(PolicyTypeView policyType) {
	}

	record PolicyFilterInput(@Nullable String policyType, @Nullable String namespace, @Nullable PolicyStatus status) {
	}

	record UpsertPolicyVariantInput(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, @Nullable Long expectedVersion, @Nullable String idempotencyKey) {
	}

	record ValidatePolicyVariantInput(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, @Nullable String idempotencyKey) {
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
