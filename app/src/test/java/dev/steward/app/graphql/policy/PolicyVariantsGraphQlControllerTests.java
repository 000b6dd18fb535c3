package dev.steward.app.graphql.policy;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static dev.steward.app.graphql.GraphQlErrorAssertions.subscriptionRefused;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade.ActivationReplayCheck;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.ActivationFacade.RollbackActivation;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyChange;
import dev.steward.policy.PolicyFacade.PolicyDiffView;
import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.PolicyFacade.ValidationResult;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.PolicyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@GraphQlTest(PolicyVariantsGraphQlController.class)
@GraphQlSlice
class PolicyVariantsGraphQlControllerTests {

	private static final Instant AT = Instant.parse("2026-11-22T09:30:00Z");

	private static final String PROMPT = "prompt_template:greeting:hello";

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private PolicyFacade policies;

	@MockitoBean
	private ActivationFacade activations;

	@MockitoBean
	private EventStreams events;

	@Test
	void readsAVariantWithItsIdAndStatusInSchemaForm() {
		given(policies.find(PROMPT, "formal")).willReturn(Optional.of(variant("formal", "candidate")));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("policy")
			.variable("id", PROMPT)
			.variable("variant", "formal")
			.execute();

		response.path("policy.id").entity(String.class).isEqualTo(PROMPT + "@formal");
		response.path("policy.policyId").entity(String.class).isEqualTo(PROMPT);
		response.path("policy.policyType").entity(String.class).isEqualTo("prompt_template");
		response.path("policy.namespace").entity(String.class).isEqualTo("greeting");
		response.path("policy.policyKey").entity(String.class).isEqualTo("hello");
		response.path("policy.status").entity(String.class).isEqualTo("CANDIDATE");
		response.path("policy.schemaVersion").entity(String.class).isEqualTo("1.0");
		response.path("policy.policyVersion").entity(Integer.class).isEqualTo(2);
		response.path("policy.content.text").entity(String.class).isEqualTo("Hello");
		response.path("policy.contentHash").entity(String.class).isEqualTo("ab".repeat(32));
		response.path("policy.updatedAt").entity(String.class).isEqualTo("2026-11-22T09:30:00.000Z");
		response.path("policy.updatedBy").entity(String.class).isEqualTo("ada");
		response.path("policy.version").entity(Long.class).isEqualTo(5L);
	}

	@Test
	void asksForTheEffectiveVariantWhenNoneIsNamed() {
		given(policies.find(PROMPT, null)).willReturn(Optional.empty());

		callers.as("vera", Role.VIEWER)
			.documentName("policy")
			.variable("id", PROMPT)
			.execute()
			.path("policy")
			.valueIsNull();

		verify(policies).find(PROMPT, null);
	}

	@Test
	void filtersPoliciesByTypeNamespaceAndStatus() {
		given(policies.list(any(), any(), any(int.class))).willReturn(new Page<>(List.of(), false, false));

		callers.as("vera", Role.VIEWER)
			.documentName("policies")
			.variable("filter", Map.of("policyType", "prompt_template", "namespace", "greeting", "status", "ACTIVE"))
			.variable("first", 5)
			.execute()
			.path("policies.edges")
			.entityList(Object.class)
			.hasSize(0);

		verify(policies).list(new PolicyFilter("prompt_template", "greeting", PolicyStatus.ACTIVE), null, 5);
	}

	@Test
	void pagesPoliciesIntoAConnectionWhoseEndCursorLeadsOn() {
		given(policies.list(PolicyFilter.none(), null, 20))
			.willReturn(new Page<>(List.of(variant("formal", "active"), variant("casual", "draft")), false, true));
		given(policies.list(PolicyFilter.none(), variant("casual", "draft").keyset(), 20))
			.willReturn(new Page<>(List.of(variant("terse", "archived")), true, false));

		var first = callers.as("vera", Role.VIEWER).documentName("policies").execute();

		first.path("policies.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(PROMPT + "@formal", PROMPT + "@casual");
		first.path("policies.edges[*].node.status").entityList(String.class).containsExactly("ACTIVE", "DRAFT");
		first.path("policies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("policies.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String endCursor = first.path("policies.pageInfo.endCursor").entity(String.class).get();
		first.path("policies.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

		var second = callers.as("vera", Role.VIEWER).documentName("policies").variable("after", endCursor).execute();

		second.path("policies.edges[*].node.variant").entityList(String.class).containsExactly("terse");
		second.path("policies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("policies.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void turnsAPageSizeOutOfRangeIntoInvalidArgument() {
		given(policies.list(PolicyFilter.none(), null, 101)).willThrow(
				new CodedException(KernelErrorCode.INVALID_ARGUMENT, "first must be between 0 and 100, was 101"));

		callers.as("vera", Role.VIEWER)
			.documentName("policies")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "policies", "first must be between 0 and 100, was 101"));
	}

	@Test
	void listsValidationRunsWithTheirIdAsText() {
		given(policies.validationRuns(PROMPT, "formal")).willReturn(List.of(run(7, false, List.of("text is required"))));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("validationRuns")
			.variable("policyId", PROMPT)
			.variable("variant", "formal")
			.execute();

		response.path("validationRuns[0].id").entity(String.class).isEqualTo("7");
		response.path("validationRuns[0].valid").entity(Boolean.class).isEqualTo(false);
		response.path("validationRuns[0].errors").entityList(String.class).containsExactly("text is required");
		response.path("validationRuns[0].validatedBy").entity(String.class).isEqualTo("ada");
	}

	@Test
	void diffsTwoVariantsChangeByChange() {
		given(policies.diff(PROMPT, "formal", "casual")).willReturn(new PolicyDiffView(PROMPT, "formal", "casual",
				List.of(new PolicyChange(PolicyChange.Op.REPLACE, "/text", "Hello", "Hi"),
						new PolicyChange(PolicyChange.Op.REMOVE, "/tone", "polite", null))));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("policyDiff")
			.variable("policyId", PROMPT)
			.variable("from", "formal")
			.variable("to", "casual")
			.execute();

		response.path("policyDiff.changes[*].op").entityList(String.class).containsExactly("REPLACE", "REMOVE");
		response.path("policyDiff.changes[0].path").entity(String.class).isEqualTo("/text");
		response.path("policyDiff.changes[0].from").entity(String.class).isEqualTo("Hello");
		response.path("policyDiff.changes[0].to").entity(String.class).isEqualTo("Hi");
		response.path("policyDiff.changes[1].to").valueIsNull();
	}

	@Test
	void turnsAVariantThatIsNotThereIntoNotFound() {
		given(policies.diff(PROMPT, "formal", "nosuch"))
			.willThrow(new PolicyException(PolicyErrorCode.POLICY_VARIANT_NOT_FOUND, "No variant nosuch"));

		callers.as("vera", Role.VIEWER)
			.documentName("policyDiff")
			.variable("policyId", PROMPT)
			.variable("from", "formal")
			.variable("to", "nosuch")
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_VARIANT_NOT_FOUND", "policyDiff", "No variant nosuch"));
	}

	@Test
	void servesPolicyTypesWithTheirLayers() {
		given(policies.policyTypes()).willReturn(List.of(new PolicyTypeView("prompt_template", PolicyLayer.CONTENT, true, null),
				new PolicyTypeView("image_bundle", PolicyLayer.RUNTIME_BUNDLE, false, Map.of("type", "object"))));

		var response = callers.as("vera", Role.VIEWER).documentName("policyTypes").execute();

		response.path("policyTypes[*].name").entityList(String.class).containsExactly("prompt_template", "image_bundle");
		response.path("policyTypes[*].layer").entityList(String.class).containsExactly("CONTENT", "RUNTIME_BUNDLE");
		response.path("policyTypes[*].builtIn").entityList(Boolean.class).containsExactly(true, false);
		response.path("policyTypes[0].jsonSchema").valueIsNull();
		response.path("policyTypes[1].jsonSchema.type").entity(String.class).isEqualTo("object");
	}

	@Test
	void registersAPolicyTypeAsTheCallingAdminWithItsIdempotencyKey() {
		given(policies.registerPolicyType(any()))
			.willReturn(new PolicyTypeView("tone", PolicyLayer.CONTENT, false, Map.of("type", "object")));

		var response = callers.as("root", Role.ADMIN)
			.documentName("registerPolicyType")
			.variable("input", Map.of("name", "tone", "layer", "CONTENT", "jsonSchema", Map.of("type", "object"),
					"idempotencyKey", "key-1"))
			.execute();

		verify(policies).registerPolicyType(
				new RegisterPolicyType("tone", PolicyLayer.CONTENT, Map.of("type", "object"), "root", "key-1"));
		response.path("registerPolicyType.policyType.name").entity(String.class).isEqualTo("tone");
		response.path("registerPolicyType.policyType.layer").entity(String.class).isEqualTo("CONTENT");
	}

	@Test
	void refusesAnOperatorRegisteringAPolicyTypeAsForbidden() {
		callers.as("otto", Role.OPERATOR)
			.documentName("registerPolicyType")
			.variable("input", Map.of("name", "tone", "layer", "CONTENT", "jsonSchema", Map.of()))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "registerPolicyType", "This needs the admin role; otto has operator"));

		verifyNoInteractions(policies);
	}

	@Test
	void turnsABuiltInTypeNameIntoItsCode() {
		given(policies.registerPolicyType(any()))
			.willThrow(new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID, "location is a built-in type"));

		callers.as("root", Role.ADMIN)
			.documentName("registerPolicyType")
			.variable("input", Map.of("name", "location", "layer", "CONTENT", "jsonSchema", Map.of()))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_TYPE_INVALID", "registerPolicyType", "location is a built-in type"));
	}

	@Test
	void upsertsAVariantAsTheCallingAuthorWithItsIdempotencyKey() {
		given(policies.upsert(any())).willReturn(variant("formal", "draft"));

		var response = callers.as("ada", Role.AUTHOR)
			.documentName("upsertPolicyVariant")
			.variable("input", Map.of("policyId", PROMPT, "variant", "formal", "policyVersion", 2, "status", "DRAFT",
					"content", Map.of("text", "Hello"), "expectedVersion", 4, "idempotencyKey", "upsert-1"))
			.execute();

		verify(policies).upsert(new UpsertPolicyVariant(PROMPT, "formal", "1.0", 2, PolicyStatus.DRAFT,
				Map.of("text", "Hello"), 4L, "ada", "upsert-1"));
		response.path("upsertPolicyVariant.variant.id").entity(String.class).isEqualTo(PROMPT + "@formal");
		response.path("upsertPolicyVariant.variant.status").entity(String.class).isEqualTo("DRAFT");
		response.path("upsertPolicyVariant.variant.version").entity(Long.class).isEqualTo(5L);
	}

	@Test
	void refusesAViewerUpsertingAsForbidden() {
		callers.as("vera", Role.VIEWER)
			.documentName("upsertPolicyVariant")
			.variable("input", Map.of("policyId", PROMPT, "variant", "formal", "policyVersion", 2, "status", "DRAFT",
					"content", Map.of()))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "upsertPolicyVariant", "This needs the author role; vera has viewer"));

		verifyNoInteractions(policies);
	}

	@Test
	void refusesAnIdempotencyKeyThatBreaksTheRuleAsInvalidArgument() {
		callers.as("ada", Role.AUTHOR)
			.documentName("upsertPolicyVariant")
			.variable("input", Map.of("policyId", PROMPT, "variant", "formal", "policyVersion", 2, "status", "DRAFT",
					"content", Map.of(), "idempotencyKey", "two words"))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "upsertPolicyVariant",
					"idempotencyKey must be 1 to 200 visible ASCII characters"));

		verifyNoInteractions(policies);
	}

	@Test
	void turnsAVariantTooLargeIntoItsCode() {
		given(policies.upsert(any()))
			.willThrow(new PolicyException(PolicyErrorCode.VARIANT_TOO_LARGE, "content is larger than 1 MiB"));

		callers.as("ada", Role.AUTHOR)
			.documentName("upsertPolicyVariant")
			.variable("input", Map.of("policyId", PROMPT, "variant", "formal", "policyVersion", 2, "status", "DRAFT",
					"content", Map.of("text", "x")))
			.execute()
			.errors()
			.satisfy(onlyError("VARIANT_TOO_LARGE", "upsertPolicyVariant", "content is larger than 1 MiB"));
	}

	@Test
	void validatesAVariantAsTheCallingAuthor() {
		given(policies.validate(any())).willReturn(run(8, true, List.of()));

		var response = callers.as("ada", Role.AUTHOR)
			.documentName("validatePolicyVariant")
			.variable("input", Map.of("policyId", PROMPT, "variant", "formal", "schemaVersion", "1.1",
					"policyVersion", 3, "status", "CANDIDATE", "content", Map.of("text", "Hi"), "idempotencyKey",
					"validate-1"))
			.execute();

		verify(policies).validate(new ValidatePolicyVariant(PROMPT, "formal", "1.1", 3, PolicyStatus.CANDIDATE,
				Map.of("text", "Hi"), "ada", "validate-1"));
		response.path("validatePolicyVariant.id").entity(String.class).isEqualTo("8");
		response.path("validatePolicyVariant.valid").entity(Boolean.class).isEqualTo(true);
		response.path("validatePolicyVariant.errors").entityList(String.class).hasSize(0);
		response.path("validatePolicyVariant.contentHash").entity(String.class).isEqualTo("cd".repeat(32));
	}

	@Test
	void readsTheActivationsOfAWorldWhenNoClientProfileIsGiven() {
		given(activations.activations("earth", "", true)).willReturn(
				List.of(new ActivationView("earth", "", PROMPT, "formal", AT, "otto", 12)));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("activations")
			.variable("worldId", "earth")
			.variable("clientProfile", null)
			.variable("effective", true)
			.execute();

		response.path("activations[0].policyId").entity(String.class).isEqualTo(PROMPT);
		response.path("activations[0].variant").entity(String.class).isEqualTo("formal");
		response.path("activations[0].clientProfile").entity(String.class).isEqualTo("");
		response.path("activations[0].activatedBy").entity(String.class).isEqualTo("otto");
		response.path("activations[0].activationEventId").entity(Long.class).isEqualTo(12L);
	}

	@Test
	void readsOnlyPointersWhenEffectiveIsNotAsked() {
		given(activations.activations("earth", "mobile", false)).willReturn(List.of());

		callers.as("vera", Role.VIEWER)
			.documentName("activations")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.execute()
			.path("activations")
			.entityList(Object.class)
			.hasSize(0);

		verify(activations).activations("earth", "mobile", false);
	}

	@Test
	void pagesActivationEventsByTheirSequence() {
		given(activations.activationEvents("earth", "", PROMPT, null, 1))
			.willReturn(new Page<>(List.of(event(12, "formal", null, null)), false, true));
		given(activations.activationEvents("earth", "", PROMPT, Map.of("sequence", 12L), 1))
			.willReturn(new Page<>(List.of(event(14, "casual", "formal", 12L)), true, false));

		var first = callers.as("vera", Role.VIEWER)
			.documentName("activationEvents")
			.variable("worldId", "earth")
			.variable("policyId", PROMPT)
			.variable("first", 1)
			.execute();

		first.path("activationEvents.edges[0].node.id").entity(String.class).isEqualTo("12");
		first.path("activationEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String endCursor = first.path("activationEvents.pageInfo.endCursor").entity(String.class).get();

		var second = callers.as("vera", Role.VIEWER)
			.documentName("activationEvents")
			.variable("worldId", "earth")
			.variable("policyId", PROMPT)
			.variable("first", 1)
			.variable("after", endCursor)
			.execute();

		second.path("activationEvents.edges[0].node.activationEventId").entity(Long.class).isEqualTo(14L);
		second.path("activationEvents.edges[0].node.replacedVariant").entity(String.class).isEqualTo("formal");
		second.path("activationEvents.edges[0].node.rollbackOf").entity(Long.class).isEqualTo(12L);
		second.path("activationEvents.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		second.path("activationEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void asksForFiftyActivationEventsWhenFirstIsNotGiven() {
		given(activations.activationEvents("earth", "", null, null, 50)).willReturn(new Page<>(List.of(), false, false));

		callers.as("vera", Role.VIEWER)
			.documentName("activationEvents")
			.variable("worldId", "earth")
			.execute()
			.path("activationEvents.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);

		verify(activations).activationEvents("earth", "", null, null, 50);
	}

	@Test
	void reportsAReplayCheckWithItsMismatches() {
		given(activations.verifyReplay("earth", "mobile")).willReturn(new ActivationReplayCheck("earth", "mobile",
				false, 9, 3, List.of(new ActivationReplayCheck.Mismatch(PROMPT, "casual", "formal"))));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("verifyActivationReplay")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.execute();

		response.path("verifyActivationReplay.consistent").entity(Boolean.class).isEqualTo(false);
		response.path("verifyActivationReplay.eventCount").entity(Integer.class).isEqualTo(9);
		response.path("verifyActivationReplay.pointerCount").entity(Integer.class).isEqualTo(3);
		response.path("verifyActivationReplay.mismatches[0].replayedVariant").entity(String.class).isEqualTo("casual");
		response.path("verifyActivationReplay.mismatches[0].pointerVariant").entity(String.class).isEqualTo("formal");
	}

	@Test
	void verifiesThePolicyViewsForAnAdmin() {
		given(policies.verifyViews()).willReturn(new PolicyViewsVerification(true, 42, List.of()));

		var response = callers.as("root", Role.ADMIN).documentName("verifyPolicyViews").execute();

		response.path("verifyPolicyViews.consistent").entity(Boolean.class).isEqualTo(true);
		response.path("verifyPolicyViews.eventsReplayed").entity(Long.class).isEqualTo(42L);
	}

	@Test
	void refusesAnOperatorVerifyingThePolicyViewsAsForbidden() {
		callers.as("otto", Role.OPERATOR)
			.documentName("verifyPolicyViews")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "verifyPolicyViews", "This needs the admin role; otto has operator"));

		verifyNoInteractions(policies);
	}

	@Test
	void activatesAVariantForTheWorldAsTheCallingOperator() {
		given(activations.activate(any())).willReturn(event(15, "formal", "casual", null));

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("activatePolicy")
			.variable("input", Map.of("worldId", "earth", "policyId", PROMPT, "variant", "formal", "idempotencyKey",
					"activate-1"))
			.execute();

		verify(activations).activate(new ActivatePolicy("earth", "", PROMPT, "formal", "otto", "activate-1"));
		response.path("activatePolicy.event.id").entity(String.class).isEqualTo("15");
		response.path("activatePolicy.event.replacedVariant").entity(String.class).isEqualTo("casual");
		response.path("activatePolicy.event.actor").entity(String.class).isEqualTo("otto");
	}

	@Test
	void refusesAnAuthorActivatingAsForbidden() {
		callers.as("ada", Role.AUTHOR)
			.documentName("activatePolicy")
			.variable("input", Map.of("worldId", "earth", "policyId", PROMPT, "variant", "formal"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "activatePolicy", "This needs the operator role; ada has author"));

		verifyNoInteractions(activations);
	}

	@Test
	void turnsAnUnknownTypeIntoPolicyTypeUnsupported() {
		given(activations.activate(any()))
			.willThrow(new PolicyException(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED, "nosuchtype is not a policy type"));

		callers.as("otto", Role.OPERATOR)
			.documentName("activatePolicy")
			.variable("input", Map.of("worldId", "earth", "policyId", "nosuchtype:x:y", "variant", "v"))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_TYPE_UNSUPPORTED", "activatePolicy", "nosuchtype is not a policy type"));
	}

	@Test
	void rollsBackAnActivationEventAsTheCallingOperator() {
		given(activations.rollback(any())).willReturn(event(16, "casual", "formal", 12L));

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("rollbackActivation")
			.variable("input", Map.of("activationEventId", 12, "worldId", "earth", "policyId", PROMPT,
					"idempotencyKey", "rollback-1"))
			.execute();

		verify(activations).rollback(new RollbackActivation("earth", null, PROMPT, 12, "otto", "rollback-1"));
		response.path("rollbackActivation.event.rollbackOf").entity(Long.class).isEqualTo(12L);
		response.path("rollbackActivation.event.variant").entity(String.class).isEqualTo("casual");
	}

	@Test
	void turnsARollbackToAnotherPolicyIntoItsCode() {
		given(activations.rollback(any())).willThrow(new PolicyException(
				PolicyErrorCode.POLICY_ROLLBACK_POLICY_MISMATCH, "Event 12 activated another policy"));

		callers.as("otto", Role.OPERATOR)
			.documentName("rollbackActivation")
			.variable("input", Map.of("activationEventId", 12, "policyId", "prompt_template:other:one"))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_ROLLBACK_POLICY_MISMATCH", "rollbackActivation",
					"Event 12 activated another policy"));
	}

	@Test
	void streamsOnlyTheEntriesTheScopesFeedTurnsIntoActivationEvents() {
		LogEntry activated = entry(30, "v1.policy.activated");
		LogEntry other = entry(31, "v1.world.updated");
		given(activations.activationFeed("earth", "mobile"))
			.willReturn(entry -> entry == activated ? Optional.of(event(30, "formal", null, null)) : Optional.empty());
		given(events.<LogEntry>stream("policy", 29L)).willReturn(Flux.just(activated, other));

		Flux<String> ids = callers.as("vera", Role.VIEWER)
			.documentName("activationEventFeed")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.variable("after", 29)
			.executeSubscription()
			.toFlux("activationEvents.id", String.class);

		StepVerifier.create(ids).expectNext("30").verifyComplete();
	}

	@Test
	void refusesAnActivationEventSubscriptionWithoutATokenAsUnauthenticated() {
		StepVerifier.create(callers.anonymous()
			.documentName("activationEventFeed")
			.variable("worldId", "earth")
			.executeSubscription()
			.toFlux())
			.expectErrorSatisfies(subscriptionRefused("UNAUTHENTICATED"))
			.verify();

		verifyNoInteractions(activations, events);
	}

	private static PolicyVariantView variant(String variant, String status) {
		return new PolicyVariantView(PROMPT, "prompt_template", "greeting", "hello", variant, "1.0", 2, status,
				Map.of("text", "Hello"), "ab".repeat(32), AT, "ada", 5);
	}

	private static ValidationResult run(long id, boolean valid, List<String> errors) {
		return new ValidationResult(id, PROMPT, "formal", valid, errors, "cd".repeat(32), AT, "ada");
	}

	private static ActivationEventView event(long id, String variant, String replaced, Long rollbackOf) {
		return new ActivationEventView(id, "earth", "", PROMPT, variant, replaced, rollbackOf, "otto", AT);
	}

	private static LogEntry entry(long sequence, String type) {
		return new LogEntry("policy", sequence, UUID.randomUUID(), type, "policy", PROMPT, "otto", new byte[] { (byte) 0xa0 },
				"d".repeat(64), "c".repeat(64), AT, null);
	}
}
