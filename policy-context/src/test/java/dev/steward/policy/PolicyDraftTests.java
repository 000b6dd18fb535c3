package dev.steward.policy;

import dev.steward.policy.domain.PolicyDraft;

import static dev.steward.policy.PolicyFixtures.anyPolicyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDraftTests {

	@Test
	void keepsItsOwnCopyOfTheContent() {
		Map<String, Object> content = new HashMap<>(Map.of("text", "hello"));
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", "1.0", 1, "draft", content);

		content.put("text", "changed");

		assertThat(draft.content()).containsEntry("text", "hello");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> draft.content().put("text", "changed"));
	}

	@Test
	void acceptsJsonNullsInTheContent() {
		Map<String, Object> content = new HashMap<>();
		content.put("text", null);

		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", "1.0", 1, "draft", content);

		assertThat(draft.content()).containsEntry("text", null);
	}
}
