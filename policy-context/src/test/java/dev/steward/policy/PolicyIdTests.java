package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyIdTests {

	@Test
	void parsesTypeNamespaceAndKey() {
		String text = "species_block:image.blocks.species:goblin";

		PolicyId id = PolicyId.parse(text);

		assertThat(id.type()).isEqualTo("species_block");
		assertThat(id.namespace()).isEqualTo("image.blocks.species");
		assertThat(id.key()).isEqualTo("goblin");
	}

	@Test
	void keepsColonsAfterTheSecondInTheKey() {
		String text = "prompt:npc.dialogue:greeting:formal:en";

		PolicyId id = PolicyId.parse(text);

		assertThat(id.namespace()).isEqualTo("npc.dialogue");
		assertThat(id.key()).isEqualTo("greeting:formal:en");
	}

	@Test
	void stripsWhitespaceAroundEachPart() {
		String text = "  prompt : npc.dialogue :\tgreeting ";

		PolicyId id = PolicyId.parse(text);

		assertThat(id).isEqualTo(PolicyId.of("prompt", "npc.dialogue", "greeting"));
	}

	@Test
	void stripsWhitespaceWhenBuiltFromParts() {
		PolicyId id = PolicyId.of(" prompt", "npc.dialogue ", " greeting ");

		String value = id.value();

		assertThat(value).isEqualTo("prompt:npc.dialogue:greeting");
	}

	@Test
	void writesTheCanonicalForm() {
		PolicyId id = PolicyId.of("prompt", "npc.dialogue", "greeting:formal");

		String text = id.toString();

		assertThat(text).isEqualTo("prompt:npc.dialogue:greeting:formal").isEqualTo(id.value());
	}

	@Test
	void readsBackItsCanonicalForm() {
		PolicyId id = PolicyId.of("descriptor_layer", "image.descriptors", "goblin:warrior");

		PolicyId read = PolicyId.parse(id.value());

		assertThat(read).isEqualTo(id);
	}

	@Test
	void leavesWhetherTheTypeIsSupportedToTheCatalogOfTypes() {
		String text = "no_such_type:npc:key";

		PolicyId id = PolicyId.parse(text);

		assertThat(id.type()).isEqualTo("no_such_type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "prompt", "prompt:npc.dialogue", "prompt npc greeting" })
	void rejectsTextWithFewerThanThreeParts(String text) {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.parse(text))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessageContaining("type:namespace:key");
	}

	@ParameterizedTest
	@ValueSource(strings = { ":npc.dialogue:greeting", " :npc.dialogue:greeting", "prompt::greeting",
			"prompt: \t:greeting", "prompt:npc.dialogue:", "prompt:npc.dialogue:  " })
	void rejectsTextWithAnEmptyPart(String text) {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.parse(text))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID));
	}

	@Test
	void rejectsAnEmptyType() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.of(" ", "npc.dialogue", "greeting"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessage("The type of a policy id must not be empty");
	}

	@Test
	void rejectsAnEmptyNamespace() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.of("prompt", "", "greeting"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessage("The namespace of a policy id must not be empty");
	}

	@Test
	void rejectsAnEmptyKey() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.of("prompt", "npc.dialogue", "\n"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessage("The key of a policy id must not be empty");
	}

	@Test
	void rejectsAColonInTheNamespaceSoThatTheCanonicalFormReadsBack() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.of("prompt", "npc:dialogue", "greeting"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessageContaining("namespace");
	}

	@Test
	void rejectsAColonInTheType() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyId.of("prompt:x", "npc.dialogue", "greeting"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID))
			.withMessageContaining("type");
	}
}
