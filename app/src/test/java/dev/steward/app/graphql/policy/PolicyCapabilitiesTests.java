package dev.steward.app.graphql.policy;

import dev.steward.policy.PolicyLayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.security.Role;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCapabilitiesTests {

	static final List<PolicyTypeView> TYPES = List.of(new PolicyTypeView("prompt", PolicyLayer.CONTENT, true, null),
			new PolicyTypeView("sound", PolicyLayer.CONTENT, false, Map.of("type", "object")),
			new PolicyTypeView("axis_bundle", PolicyLayer.RUNTIME_BUNDLE, true, null));

	@Test
	void letsAViewerWriteNothing() {
		PolicyCapabilities capabilities = PolicyCapabilities.of(Role.VIEWER, TYPES);

		assertThat(capabilities).isEqualTo(new PolicyCapabilities(Role.VIEWER, List.of(), List.of(), false, false));
	}

	@Test
	void letsAnAuthorWriteEveryTypeInEveryStatusButNotActivate() {
		PolicyCapabilities capabilities = PolicyCapabilities.of(Role.AUTHOR, TYPES);

		assertThat(capabilities).isEqualTo(new PolicyCapabilities(Role.AUTHOR, List.of("axis_bundle", "prompt", "sound"),
				List.of("ACTIVE", "ARCHIVED", "CANDIDATE", "DRAFT"), false, false));
	}

	@Test
	void letsAnOperatorAlsoActivateButNotRegisterTypes() {
		PolicyCapabilities capabilities = PolicyCapabilities.of(Role.OPERATOR, TYPES);

		assertThat(capabilities.allowedPolicyTypes()).containsExactly("axis_bundle", "prompt", "sound");
		assertThat(capabilities.canActivate()).isTrue();
		assertThat(capabilities.canRegisterTypes()).isFalse();
	}

	@Test
	void letsAnAdminDoEverything() {
		PolicyCapabilities capabilities = PolicyCapabilities.of(Role.ADMIN, TYPES);

		assertThat(capabilities).isEqualTo(new PolicyCapabilities(Role.ADMIN, List.of("axis_bundle", "prompt", "sound"),
				List.of("ACTIVE", "ARCHIVED", "CANDIDATE", "DRAFT"), true, true));
	}
}
