package dev.steward.policy.domain;

import dev.steward.policy.PolicyFacade.PolicyChange;
import dev.steward.policy.PolicyFacade.PolicyChange.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares two JSON-like values (maps, lists, scalars) and lists the changes at the deepest paths where they
 * differ: keys in sorted order, list items by index. Numbers compare by value, so 1 and 1.0 are equal.
 */
public final class VariantDiff {

	private VariantDiff() {}

	public static List<PolicyChange> between(Map<String, ?> from, Map<String, ?> to) {
		List<PolicyChange> changes = new ArrayList<>();
		compare("", from, to, changes);
		return List.copyOf(changes);
	}

	private static void compare(String path, @Nullable Object from, @Nullable Object to, List<PolicyChange> changes) {
		if (from instanceof Map<?, ?> fromMap && to instanceof Map<?, ?> toMap) {
			TreeSet<String> keys = new TreeSet<>();
			fromMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
			toMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
			for (String key : keys) {
				String child = path + "/" + escape(key);
				if (!fromMap.containsKey(key)) {
					changes.add(new PolicyChange(Op.ADD, child, null, toMap.get(key)));
				}
				else if (!toMap.containsKey(key)) {
					changes.add(new PolicyChange(Op.REMOVE, child, fromMap.get(key), null));
				}
				else {
					compare(child, fromMap.get(key), toMap.get(key), changes);
				}
			}
		}
		else if (from instanceof List<?> fromList && to instanceof List<?> toList) {
			int common = Math.min(fromList.size(), toList.size());
			for (int i = 0; i < common; i++) {
				compare(path + "/" + i, fromList.get(i), toList.get(i), changes);
			}
			for (int i = common; i < toList.size(); i++) {
				changes.add(new PolicyChange(Op.ADD, path + "/" + i, null, toList.get(i)));
			}
			for (int i = fromList.size() - 1; i >= common; i--) {
				changes.add(new PolicyChange(Op.REMOVE, path + "/" + i, fromList.get(i), null));
			}
		}
		else if (!sameScalar(from, to)) {
			changes.add(new PolicyChange(Op.REPLACE, path, from, to));
		}
	}

	private static boolean sameScalar(@Nullable Object from, @Nullable Object to) {
		if (from instanceof Number a && to instanceof Number b) {
			return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
		}
		return Objects.equals(from, to);
	}

	/** RFC 6901: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
	static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}
}
