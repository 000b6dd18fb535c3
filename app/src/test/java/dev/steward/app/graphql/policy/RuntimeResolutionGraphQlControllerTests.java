package dev.steward.app.graphql.policy;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.RuntimeResolutionFacade;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveAxisBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveImagePolicyBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectivePromptTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(RuntimeResolutionGraphQlController.class)
@GraphQlSlice
class RuntimeResolutionGraphQlControllerTests {

	private static final String PROMPT = "prompt_template:greeting:hello";

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private RuntimeResolutionFacade resolution;

	@Test
	void resolvesThePromptTemplateOfAClientProfile() {
		given(resolution.effectivePromptTemplate("earth", "mobile", PROMPT)).willReturn(new EffectivePromptTemplate(
				"earth", "mobile", PROMPT, "formal", "greeting", "hello", "Hello there", "ab".repeat(32), ""));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("effectivePromptTemplate")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.variable("policyId", PROMPT)
			.execute();

		response.path("effectivePromptTemplate.worldId").entity(String.class).isEqualTo("earth");
		response.path("effectivePromptTemplate.clientProfile").entity(String.class).isEqualTo("mobile");
		response.path("effectivePromptTemplate.policyId").entity(String.class).isEqualTo(PROMPT);
		response.path("effectivePromptTemplate.variant").entity(String.class).isEqualTo("formal");
		response.path("effectivePromptTemplate.text").entity(String.class).isEqualTo("Hello there");
		response.path("effectivePromptTemplate.contentHash").entity(String.class).isEqualTo("ab".repeat(32));
		response.path("effectivePromptTemplate.activatedIn").entity(String.class).isEqualTo("");
	}

	@Test
	void resolvesTheWorldsOwnPromptTemplateWhenNoProfileIsGiven() {
		given(resolution.effectivePromptTemplate("earth", "", null)).willReturn(new EffectivePromptTemplate("earth",
				"", PROMPT, "formal", "greeting", "hello", "Hello", "ab".repeat(32), ""));

		callers.as("vera", Role.VIEWER)
			.documentName("effectivePromptTemplate")
			.variable("worldId", "earth")
			.variable("clientProfile", null)
			.execute()
			.path("effectivePromptTemplate.text")
			.entity(String.class)
			.isEqualTo("Hello");

		verify(resolution).effectivePromptTemplate("earth", "", null);
	}

	@Test
	void turnsTwoCandidatePromptsIntoAmbiguous() {
		given(resolution.effectivePromptTemplate("earth", "", null)).willThrow(new PolicyException(
				PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_AMBIGUOUS, "Two prompt templates are active; name one"));

		callers.as("vera", Role.VIEWER)
			.documentName("effectivePromptTemplate")
			.variable("worldId", "earth")
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_EFFECTIVE_PROMPT_AMBIGUOUS", "effectivePromptTemplate",
					"Two prompt templates are active; name one"));
	}

	@Test
	void resolvesTheAxisBundleOfAScope() {
		given(resolution.effectiveAxisBundle("earth", "mobile")).willReturn(new EffectiveAxisBundle("earth", "mobile",
				"axes", 3, Map.of("mood", List.of("calm")), Map.of("mood", 0.5), Map.of("mode", "max"),
				List.of("age"), "cc".repeat(32), "manifest:main:m", "v1", "axis:main:a", "v2"));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("effectiveAxisBundle")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.execute();

		response.path("effectiveAxisBundle.bundleId").entity(String.class).isEqualTo("axes");
		response.path("effectiveAxisBundle.bundleVersion").entity(Integer.class).isEqualTo(3);
		response.path("effectiveAxisBundle.axes.mood").entityList(String.class).containsExactly("calm");
		response.path("effectiveAxisBundle.thresholds.mood").entity(Double.class).isEqualTo(0.5);
		response.path("effectiveAxisBundle.resolution.mode").entity(String.class).isEqualTo("max");
		response.path("effectiveAxisBundle.requiredRuntimeInputs").entityList(String.class).containsExactly("age");
		response.path("effectiveAxisBundle.policyHash").entity(String.class).isEqualTo("cc".repeat(32));
		response.path("effectiveAxisBundle.manifestPolicyId").entity(String.class).isEqualTo("manifest:main:m");
		response.path("effectiveAxisBundle.manifestVariant").entity(String.class).isEqualTo("v1");
		response.path("effectiveAxisBundle.axisPolicyId").entity(String.class).isEqualTo("axis:main:a");
		response.path("effectiveAxisBundle.axisVariant").entity(String.class).isEqualTo("v2");
	}

	@Test
	void turnsAScopeWithoutAManifestIntoItsCode() {
		given(resolution.effectiveAxisBundle("earth", "")).willThrow(new PolicyException(
				PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_NOT_FOUND, "earth has no active manifest"));

		callers.as("vera", Role.VIEWER)
			.documentName("effectiveAxisBundle")
			.variable("worldId", "earth")
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_EFFECTIVE_MANIFEST_NOT_FOUND", "effectiveAxisBundle",
					"earth has no active manifest"));
	}

	@Test
	void resolvesTheImagePolicyBundleWithItsMissingComponents() {
		given(resolution.effectiveImagePolicyBundle("earth", "")).willReturn(new EffectiveImagePolicyBundle("earth",
				"", null, "images", 1, "dd".repeat(32), List.of("descriptor_layer", "tone_profile"), List.of(),
				"descriptor_layer:main:d", null, null, null, List.of("tone_profile")));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("effectiveImagePolicyBundle")
			.variable("worldId", "earth")
			.execute();

		response.path("effectiveImagePolicyBundle.clientProfile").entity(String.class).isEqualTo("");
		response.path("effectiveImagePolicyBundle.policySchema").valueIsNull();
		response.path("effectiveImagePolicyBundle.compositionOrder")
			.entityList(String.class)
			.containsExactly("descriptor_layer", "tone_profile");
		response.path("effectiveImagePolicyBundle.descriptorLayerPolicyId")
			.entity(String.class)
			.isEqualTo("descriptor_layer:main:d");
		response.path("effectiveImagePolicyBundle.toneProfilePolicyId").valueIsNull();
		response.path("effectiveImagePolicyBundle.missingComponents")
			.entityList(String.class)
			.containsExactly("tone_profile");
	}

	@Test
	void refusesACallerWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("effectiveImagePolicyBundle")
			.variable("worldId", "earth")
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "effectiveImagePolicyBundle"));

		verifyNoInteractions(resolution);
	}
}
