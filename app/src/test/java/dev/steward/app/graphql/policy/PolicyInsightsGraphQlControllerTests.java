package dev.steward.app.graphql.policy;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.PolicySnapshotFacade;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The variant's slot kinds are a field of {@code PolicyVariant}, read through the variants controller's query. */
@GraphQlTest({ PolicyInsightsGraphQlController.class, PolicyVariantsGraphQlController.class })
@GraphQlSlice
class PolicyInsightsGraphQlControllerTests {

	private static final Instant AT = Instant.parse("2026-11-24T06:00:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private PolicyFacade policies;

	@MockitoBean
	private PolicySnapshotFacade snapshots;

	@MockitoBean
	private ActivationFacade activations;

	@MockitoBean
	private EventStreams events;

	@Test
	void tellsAViewerItMayOnlyRead() {
		given(policies.policyTypes()).willReturn(types());

		var response = callers.as("vera", Role.VIEWER).documentName("policyCapabilities").execute();

		response.path("policyCapabilities.role").entity(String.class).isEqualTo("VIEWER");
		response.path("policyCapabilities.allowedPolicyTypes").entityList(String.class).hasSize(0);
		response.path("policyCapabilities.allowedStatuses").entityList(String.class).hasSize(0);
		response.path("policyCapabilities.canActivate").entity(Boolean.class).isEqualTo(false);
		response.path("policyCapabilities.canRegisterTypes").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void tellsAnOperatorTheTypesAndStatusesItMayWriteAndThatItMayActivate() {
		given(policies.policyTypes()).willReturn(types());

		var response = callers.as("otto", Role.OPERATOR).documentName("policyCapabilities").execute();

		response.path("policyCapabilities.role").entity(String.class).isEqualTo("OPERATOR");
		response.path("policyCapabilities.allowedPolicyTypes")
			.entityList(String.class)
			.containsExactly("prompt_template", "tone");
		response.path("policyCapabilities.allowedStatuses")
			.entityList(String.class)
			.containsExactly("ACTIVE", "ARCHIVED", "CANDIDATE", "DRAFT");
		response.path("policyCapabilities.canActivate").entity(Boolean.class).isEqualTo(true);
		response.path("policyCapabilities.canRegisterTypes").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void tellsAnAdminItMayRegisterTypes() {
		given(policies.policyTypes()).willReturn(types());

		callers.as("root", Role.ADMIN)
			.documentName("policyCapabilities")
			.execute()
			.path("policyCapabilities.canRegisterTypes")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void refusesCapabilitiesWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("policyCapabilities")
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "policyCapabilities"));

		verifyNoInteractions(policies);
	}

	@Test
	void snapshotsTheHashesOfTheWorldsOwnScopeWhenNoProfileIsGiven() {
		given(snapshots.hashSnapshot("earth", "")).willReturn(new PolicyHashSnapshot("earth", "", "v1", "policies",
				AT, 1, "ee".repeat(32), List.of(new PolicyHashSnapshot.File("tone/x/y.json", "ff".repeat(32))),
				List.of(new PolicyHashSnapshot.Directory("tone", 1, "11".repeat(32)))));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("policyHashSnapshot")
			.variable("worldId", "earth")
			.variable("clientProfile", null)
			.execute();

		response.path("policyHashSnapshot.worldId").entity(String.class).isEqualTo("earth");
		response.path("policyHashSnapshot.clientProfile").entity(String.class).isEqualTo("");
		response.path("policyHashSnapshot.hashVersion").entity(String.class).isEqualTo("v1");
		response.path("policyHashSnapshot.canonicalRoot").entity(String.class).isEqualTo("policies");
		response.path("policyHashSnapshot.generatedAt").entity(String.class).isEqualTo("2026-11-24T06:00:00.000Z");
		response.path("policyHashSnapshot.fileCount").entity(Integer.class).isEqualTo(1);
		response.path("policyHashSnapshot.rootHash").entity(String.class).isEqualTo("ee".repeat(32));
		response.path("policyHashSnapshot.files[0].path").entity(String.class).isEqualTo("tone/x/y.json");
		response.path("policyHashSnapshot.directories[0].hash").entity(String.class).isEqualTo("11".repeat(32));
	}

	@Test
	void turnsAWorldThatIsNotThereIntoNotFound() {
		given(snapshots.hashSnapshot("atlantis", "mobile"))
			.willThrow(new PolicyException(PolicyErrorCode.POLICY_WORLD_NOT_FOUND, "There is no world atlantis"));

		callers.as("vera", Role.VIEWER)
			.documentName("policyHashSnapshot")
			.variable("worldId", "atlantis")
			.variable("clientProfile", "mobile")
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_WORLD_NOT_FOUND", "policyHashSnapshot", "There is no world atlantis"));
	}

	@Test
	void servesTheSlotKindsAVariantDeclares() {
		given(policies.find("tone:greeting:x", null)).willReturn(Optional.of(variant(Map.of("slot_kinds",
				List.of("opening", " closing ", "")))));

		callers.as("vera", Role.VIEWER)
			.documentName("slotKinds")
			.variable("id", "tone:greeting:x")
			.execute()
			.path("policy.slotKinds")
			.entityList(String.class)
			.containsExactly("opening", "closing");
	}

	@Test
	void servesTheNamespaceAsTheSlotKindOfAVariantThatDeclaresNone() {
		given(policies.find("tone:greeting:x", null)).willReturn(Optional.of(variant(Map.of())));

		callers.as("vera", Role.VIEWER)
			.documentName("slotKinds")
			.variable("id", "tone:greeting:x")
			.execute()
			.path("policy.slotKinds")
			.entityList(String.class)
			.containsExactly("greeting");
	}

	private static List<PolicyTypeView> types() {
		return List.of(new PolicyTypeView("tone", PolicyLayer.CONTENT, false, Map.of()),
				new PolicyTypeView("prompt_template", PolicyLayer.CONTENT, true, null));
	}

	private static PolicyVariantView variant(Map<String, Object> content) {
		return new PolicyVariantView("tone:greeting:x", "tone", "greeting", "x", "v1", "1.0", 1, "active", content,
				"ab".repeat(32), AT, "ada", 1);
	}
}
