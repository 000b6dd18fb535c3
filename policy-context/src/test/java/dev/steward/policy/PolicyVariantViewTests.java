package dev.steward.policy;

import dev.steward.policy.PolicyFacade.PolicyVariantView;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyVariantViewTests {

	@Test
	void derivesTheSlotKindsFromTheContentStrippedAndWithoutDuplicates() {
		Map<String, Object> content = Map.of("text", "hi", "slot_kinds", List.of(" greeting", "farewell ", "greeting", "farewell"));

		List<String> kinds = PolicyVariantView.slotKinds("npc.dialogue", content);

		assertThat(kinds).containsExactly("greeting", "farewell");
	}

	@Test
	void fallsBackToTheNamespaceWhenTheContentNamesNoSlotKinds() {
		Map<String, Object> content = Map.of("text", "hi");

		List<String> kinds = PolicyVariantView.slotKinds("npc.dialogue", content);

		assertThat(kinds).containsExactly("npc.dialogue");
	}

	@Test
	void ignoresBlankAndNonTextSlotKinds() {
		Map<String, Object> blanksOnly = Map.of("slot_kinds", Arrays.asList(" ", null, 3));
		Map<String, Object> mixed = Map.of("slot_kinds", Arrays.asList("", "hat", 3, "hat "));

		List<String> fromBlanks = PolicyVariantView.slotKinds("image.blocks.clothing", blanksOnly);
		List<String> fromMixed = PolicyVariantView.slotKinds("image.blocks.clothing", mixed);

		assertThat(fromBlanks).containsExactly("image.blocks.clothing");
		assertThat(fromMixed).containsExactly("hat");
	}

	@Test
	void fallsBackToTheNamespaceWhenSlotKindsIsNotAList() {
		Map<String, Object> content = Map.of("slot_kinds", "greeting");

		List<String> kinds = PolicyVariantView.slotKinds("npc", content);

		assertThat(kinds).containsExactly("npc");
	}

	@Test
	void givesTheSlotKindsOfAStoredVariant() {
		PolicyVariantView variant = new PolicyVariantView("prompt:npc:greeting", "prompt", "npc", "greeting", "v1",
				"1.0", 1, "draft", Map.of("text", "hi", "slot_kinds", List.of("opener")), "0".repeat(64),
				Instant.parse("2026-11-21T20:00:00Z"), "alice", 1);

		List<String> kinds = variant.slotKinds();

		assertThat(kinds).containsExactly("opener");
	}
}
