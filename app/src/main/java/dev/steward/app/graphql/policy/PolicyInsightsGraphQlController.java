package dev.steward.app.graphql.policy;

import dev.steward.app.security.AnyAuthenticatedCaller;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot;
import dev.steward.policy.PolicySnapshotFacade;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * What the caller may do with policies, the slot kinds each variant fills, and hash snapshots of a scope's
 * effective policies.
 */
@Controller
@RequiresRole(Role.VIEWER)
class PolicyInsightsGraphQlController {

	private final PolicyFacade policies;

	private final PolicySnapshotFacade snapshots;

	PolicyInsightsGraphQlController(PolicyFacade policies, PolicySnapshotFacade snapshots) {
		this.policies = policies;
		this.snapshots = snapshots;
	}

	@QueryMapping
	@AnyAuthenticatedCaller
	PolicyCapabilities policyCapabilities(GraphQLContext context) {
		Role role = CurrentPrincipal.of(context).role();
		return PolicyCapabilities.of(role, policies.policyTypes());
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	PolicyHashSnapshot policyHashSnapshot(@Argument String worldId, @Argument @Nullable String clientProfile) {
		return snapshots.hashSnapshot(worldId, Objects.requireNonNullElse(clientProfile, ""));
	}

	@SchemaMapping(typeName = "PolicyVariant", field = "slotKinds")
	List<String> slotKinds(PolicyVariantView variant) {
		return variant.slotKinds();
	}
}
