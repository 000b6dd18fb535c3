package dev.steward.app.graphql.policy;

import dev.steward.app.security.Role;
import dev.steward.policy.PolicyStatus;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a role may do with policies: viewers read; authors also write variants of every type, in every status;
 * operators also activate, roll back, publish and import; admins also register types.
 */
record PolicyCapabilities(Role role, List<String> allowedPolicyTypes, List<String> allowedStatuses,
		boolean canActivate, boolean canRegisterTypes) {

	/** The capabilities of {@code role}, given the policy types there are (built in and registered). */
	static PolicyCapabilities of(Role role, Collection<PolicyTypeView> types) {
		boolean writes = role.includes(Role.AUTHOR);
		List<String> allowedTypes = writes ? types.stream().map(PolicyTypeView::name).sorted().distinct().toList()
				: List.of();
		List<String> allowedStatuses = writes ? Arrays.stream(PolicyStatus.values()).map(Enum::name).sorted().toList()
				: List.of();
		return new PolicyCapabilities(role, allowedTypes, allowedStatuses, role.includes(Role.OPERATOR),
				role.includes(Role.ADMIN));
	}
}
