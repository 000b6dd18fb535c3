package dev.steward.rules.domain;

import org.jspecify.annotations.Nullable;

/**
 * What reading a rule needs from libraries: YAML read in a safe mode into plain data, and patterns compiled by a
 * linear-time engine, so that no pattern can hang an evaluation.
 */
public interface RuleSyntax {

	/**
	 * Plain data (maps, lists, text, numbers, booleans, null) of one YAML document, read with no tags that build
	 * objects, no recursive or duplicate keys and at most {@code maxAliases} aliases.
	 * @throws IllegalArgumentException saying in one line why the text is not such a document
	 */
	@Nullable Object readYaml(String yaml, int maxAliases, int maxChars);

	/**
	 * @throws IllegalArgumentException with the reason a pattern does not compile
	 */
	TextPattern compile(String pattern);

	/** A compiled pattern. */
	interface TextPattern {

		String source();

		/** Whether the pattern matches anywhere in the text. */
		boolean find(CharSequence text);
	}
}
