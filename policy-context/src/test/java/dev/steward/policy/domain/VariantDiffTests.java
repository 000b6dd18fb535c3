package dev.steward.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.PolicyFacade.PolicyChange;
import dev.steward.policy.PolicyFacade.PolicyChange.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantDiffTests {

	@Test
	void findsNothingBetweenEqualValues() {
		Map<String, Object> content = Map.of("text", "hi", "n", 1, "list", List.of(1, Map.of("a", true)));

		List<PolicyChange> changes = VariantDiff.between(content, Map.of("text", "hi", "n", 1.0, "list", List.of(1, Map.of("a", true))));

		assertThat(changes).isEmpty();
	}

	@Test
	void reportsAddedRemovedAndReplacedKeysAtTheirDeepestPaths() {
		Map<String, Object> from = Map.of("text", "old", "gone", 1, "nested", Map.of("kept", 1, "changed", "a"));
		Map<String, Object> to = Map.of("text", "new", "added", true, "nested", Map.of("kept", 1, "changed", "b"));

		List<PolicyChange> changes = VariantDiff.between(from, to);

		assertThat(changes).containsExactly(new PolicyChange(Op.ADD, "/added", null, true),
				new PolicyChange(Op.REMOVE, "/gone", 1, null), new PolicyChange(Op.REPLACE, "/nested/changed", "a", "b"),
				new PolicyChange(Op.REPLACE, "/text", "old", "new"));
	}

	@Test
	void comparesListsByIndexAndReportsTheirTails() {
		List<PolicyChange> grown = VariantDiff.between(Map.of("l", List.of(1, 2)), Map.of("l", List.of(1, 3, 4)));
		List<PolicyChange> shrunk = VariantDiff.between(Map.of("l", List.of(1, 2, 3)), Map.of("l", List.of(1)));

		assertThat(grown).containsExactly(new PolicyChange(Op.REPLACE, "/l/1", 2, 3), new PolicyChange(Op.ADD, "/l/2", null, 4));
		assertThat(shrunk).containsExactly(new PolicyChange(Op.REMOVE, "/l/2", 3, null), new PolicyChange(Op.REMOVE, "/l/1", 2, null));
	}

	@Test
	void escapesKeysAsJsonPointersAndReplacesAValueOfAnotherKind() {
		Map<String, Object> from = new HashMap<>();
		from.put("a/b~c", Map.of("x", 1));
		from.put("nothing", null);

		List<PolicyChange> changes = VariantDiff.between(from, Map.of("a/b~c", List.of(1), "nothing", "now"));

		assertThat(changes).extracting(PolicyChange::path).containsExactly("/a~1b~0c", "/nothing");
		assertThat(changes).extracting(PolicyChange::op).containsOnly(Op.REPLACE);
	}
}
