package dev.steward.app.graphql.policy;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveAxisBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveImagePolicyBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectivePromptTemplate;
import dev.steward.policy.RuntimeResolutionFacade;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Runtime resolution over GraphQL: what a runtime reads from a scope. Viewers read it. */
@Controller
@RequiresRole(Role.VIEWER)
class RuntimeResolutionGraphQlController {

	private final RuntimeResolutionFacade resolution;

	RuntimeResolutionGraphQlController(RuntimeResolutionFacade resolution) {
		this.resolution = resolution;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	EffectivePromptTemplate effectivePromptTemplate(@Argument String worldId, @Argument @Nullable String clientProfile,
			@Argument @Nullable String policyId) {
		return resolution.effectivePromptTemplate(worldId, orWorld(clientProfile), policyId);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	EffectiveAxisBundle effectiveAxisBundle(@Argument String worldId, @Argument @Nullable String clientProfile) {
		return resolution.effectiveAxisBundle(worldId, orWorld(clientProfile));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	EffectiveImagePolicyBundle effectiveImagePolicyBundle(@Argument String worldId,
			@Argument @Nullable String clientProfile) {
		return resolution.effectiveImagePolicyBundle(worldId, orWorld(clientProfile));
	}

	private static String orWorld(@Nullable String clientProfile) {
		return clientProfile == null ? "" : clientProfile;
	}
}
