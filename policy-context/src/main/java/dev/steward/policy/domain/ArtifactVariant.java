package dev.steward.policy.domain;

import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * One row of an artifact's {@code variants}, read for import, with what makes it unimportable when anything
 * does: a field missing or of the wrong kind, a {@code policy_type}, {@code namespace} or {@code policy_key} that
 * the {@code policy_id} contradicts, or no content ({@code materialized: false}). Such a row is reported, not
 * imported; whether its content is valid for its type is for validation to say.
 * <p>
 * {@code policyId} and {@code variant} are as written (empty when missing), {@code index} is the row's position in
 * the artifact.
 */
public record ArtifactVariant(int index, String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Map<String, Object> content, @Nullable String problem) implements ValueObject {

	public static ArtifactVariant read(int index, Map<?, ?> row) {
		List<String> problems = new ArrayList<>();
		String policyId = row.get("policy_id") instanceof String text ? text : "";
		Optional<PolicyId> id = Optional.empty();
		try {
			id = Optional.of(PolicyId.parse(policyId));
		}
		catch (PolicyException ex) {
			problems.add(ex.getMessage());
		}
		id.ifPresent(parsed -> {
			matches(row, "policy_type", parsed.type(), problems);
			matches(row, "namespace", parsed.namespace(), problems);
			matches(row, "policy_key", parsed.key(), problems);
		});
		String variant = nonBlank(row, "variant", problems);
		String schemaVersion = nonBlank(row, "schema_version", problems);
		int policyVersion = policyVersion(row.get("policy_version"), problems);
		String status = row.get("status") instanceof String text ? text : "";
		if (!(row.get("status") instanceof String)) {
			problems.add("status must be a string");
		}
		Map<String, Object> content = Map.of();
		if (row.get("content") instanceof Map<?, ?> object) {
			content = stringKeyed(object);
		}
		else {
			problems.add("content must be an object");
		}
		if (Boolean.FALSE.equals(row.get("materialized"))) {
			problems.add("the artifact carries no content for this variant (materialized is false): it was changed"
					+ " or removed after the publish");
		}
		return new ArtifactVariant(index, id.map(PolicyId::value).orElse(policyId), variant, schemaVersion,
				policyVersion, status, content, problems.isEmpty() ? null : String.join("; ", problems));
	}

	/** The parsed id; empty when the row has a problem with it. */
	public Optional<PolicyId> id() {
		try {
			return Optional.of(PolicyId.parse(policyId));
		}
		catch (PolicyException ex) {
			return Optional.empty();
		}
	}

	/** Whether the row can be imported at all. */
	public boolean importable() {
		return problem == null;
	}

	/**
	 * The pass this row is imported in: that of its type's layer (1 for content and runtime bundles, 2 for
	 * composites), after both for a type the catalog does not know or a policy id that cannot be read.
	 */
	public int importOrder(PolicyTypes types) {
		return id().flatMap(parsed -> types.find(parsed.type()))
			.map(type -> type.layer().importOrder())
			.orElse(Integer.MAX_VALUE);
	}

	/** The label errors use: {@code variants[3]}. */
	public String label() {
		return "variants[" + index + "]";
	}

	private static void matches(Map<?, ?> row, String member, String expected, List<String> problems) {
		Object value = row.get(member);
		if (value != null && !expected.equals(value)) {
			problems.add(member + " is " + value + " but the policy id says " + expected);
		}
	}

	private static String nonBlank(Map<?, ?> row, String member, List<String> problems) {
		if (row.get(member) instanceof String text && !text.isBlank()) {
			return text;
		}
		problems.add(member + " must be a non-empty string");
		return "";
	}

	private static int policyVersion(@Nullable Object value, List<String> problems) {
		BigInteger number = switch (value) {
			case Integer i -> BigInteger.valueOf(i);
			case Long l -> BigInteger.valueOf(l);
			case Short s -> BigInteger.valueOf(s);
			case Byte b -> BigInteger.valueOf(b);
			case BigInteger big -> big;
			case null, default -> null;
		};
		if (number == null || number.signum() < 1 || number.bitLength() > 31) {
			problems.add("policy_version must be an integer from 1 to " + Integer.MAX_VALUE);
			return 0;
		}
		return number.intValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stringKeyed(Map<?, ?> object) {
		return (Map<String, Object>) object;
	}
}
