package dev.steward.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.ValueObject;

/**
 * Which blob store takes a package's files, by its producer and retention class: rules written
 * {@code <producer>/<retention class>=<store id>}, separated by commas, where {@code *} in a pattern stands for
 * any run of characters (e.g. {@code ci-*\/long_term=s3, *\/legal=s3}). The first rule that matches decides; when
 * none does, the default store takes the package.
 */
public record BlobStoreRules(List<Rule> rules, String defaultStore) implements ValueObject {

	public BlobStoreRules {
		rules = List.copyOf(rules);
	}

	/**
	 * Reads the rules from their text.
	 * @throws IllegalArgumentException for a rule that is not {@code producer/class=store}
	 */
	public static BlobStoreRules parse(String text, String defaultStore) {
		List<Rule> rules = new ArrayList<>();
		for (String rule : text.split(",")) {
			if (rule.isBlank()) {
				continue;
			}
			String[] sides = rule.strip().split("=", 2);
			String[] patterns = sides[0].split("/", 2);
			if (sides.length != 2 || patterns.length != 2 || sides[1].isBlank()) {
				throw new IllegalArgumentException(
						"A blob store rule is <producer>/<retention class>=<store id>, not " + rule.strip());
			}
			rules.add(new Rule(patterns[0].strip(), patterns[1].strip(), sides[1].strip()));
		}
		return new BlobStoreRules(rules, defaultStore);
	}

	/** The id of the store for a package of this producer and retention class. */
	public String storeFor(String producer, String retentionClass) {
		return rules.stream()
			.filter(rule -> rule.matches(producer, retentionClass))
			.map(Rule::store)
			.findFirst()
			.orElse(defaultStore);
	}

	/** One rule: glob patterns for the producer and the retention class, and the store they pick. */
	public record Rule(String producer, String retentionClass, String store) implements ValueObject {

		boolean matches(String producer, String retentionClass) {
			return glob(this.producer).matcher(producer).matches()
					&& glob(this.retentionClass).matcher(retentionClass).matches();
		}

		private static Pattern glob(String pattern) {
			StringBuilder regex = new StringBuilder();
			for (String part : pattern.split("\\*", -1)) {
				if (!regex.isEmpty()) {
					regex.append(".*");
				}
				regex.append(Pattern.quote(part));
			}
			return Pattern.compile(regex.toString(), Pattern.DOTALL);
		}
	}
}
