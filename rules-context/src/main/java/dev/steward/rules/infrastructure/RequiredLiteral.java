package dev.steward.rules.infrastructure;

import org.jspecify.annotations.Nullable;

/**
 * The longest run of plain characters that every match of an RE2 pattern must contain, found conservatively in the
 * pattern's text: only runs at the top level (outside groups and character classes) of a pattern with no top-level
 * alternation count, a character made optional by {@code ?}, {@code *} or <code>{0,…}</code> is left out, and any
 * construct this reading does not know gives no literal at all. Text without the literal cannot match, so the
 * pattern need not run on it: most events match no rule, and most are then turned away by one substring search.
 * Case-insensitive patterns compare by simple case folding.
 */
record RequiredLiteral(String text, boolean ignoreCase) {

	static final int MIN_LENGTH = 3;

	/** The literal, or null when none of at least {@value #MIN_LENGTH} characters can be told for sure. */
	static @Nullable RequiredLiteral of(String pattern) {
		boolean ignoreCase = false;
		int depth = 0;
		String best = "";
		StringBuilder run = new StringBuilder();
		int index = 0;
		while (index < pattern.length()) {
			char c = pattern.charAt(index);
			if (c == '\\') {
				if (index + 1 >= pattern.length()) {
					return null;
				}
				char escaped = pattern.charAt(index + 1);
				index += 2;
				if (Character.isLetterOrDigit(escaped)) {
					if ("bBdDwWsSAzntrfv".indexOf(escaped) < 0) {
						return null;
					}
					if (depth == 0) {
						best = longer(best, run);
					}
				}
				else if (escaped > 127) {
					return null;
				}
				else if (depth == 0) {
					run.append(escaped);
				}
				continue;
			}
			switch (c) {
				case '[' -> {
					int end = classEnd(pattern, index);
					if (end < 0) {
						return null;
					}
					if (depth == 0) {
						best = longer(best, run);
					}
					index = end;
				}
				case '(' -> {
					if (pattern.startsWith("(?", index)) {
						int close = index + 2;
						while (close < pattern.length() && pattern.charAt(close) != ')' && pattern.charAt(close) != ':') {
							if (pattern.charAt(close) == 'i') {
								ignoreCase = true;
							}
							close++;
						}
					}
					if (depth == 0) {
						best = longer(best, run);
					}
					depth++;
				}
				case ')' -> {
					depth--;
					if (depth < 0) {
						return null;
					}
				}
				case '|' -> {
					if (depth == 0) {
						return null;
					}
				}
				case '?', '*' -> {
					if (depth == 0) {
						dropLast(run);
						best = longer(best, run);
					}
				}
				case '+', '.', '^', '$' -> {
					if (depth == 0) {
						best = longer(best, run);
					}
				}
				case '{' -> {
					int close = pattern.indexOf('}', index);
					if (close < 0 || !pattern.substring(index + 1, close).matches("\\d+(,\\d*)?")) {
						return null;
					}
					if (depth == 0) {
						if (pattern.substring(index + 1, close).matches("0+(,\\d*)?")) {
							dropLast(run);
						}
						best = longer(best, run);
					}
					index = close;
				}
				default -> {
					if (c > 127 || Character.isISOControl(c)) {
						return null;
					}
					if (depth == 0) {
						run.append(c);
					}
				}
			}
			index++;
		}
		if (depth != 0) {
			return null;
		}
		best = longer(best, run);
		return best.length() >= MIN_LENGTH
				? new RequiredLiteral(ignoreCase ? best.toLowerCase(java.util.Locale.ROOT) : best, ignoreCase) : null;
	}

	/** Whether the text contains the literal; when it does not, the pattern cannot match it. */
	boolean foundIn(CharSequence haystack) {
		if (!ignoreCase) {
			return haystack.toString().contains(text);
		}
		int last = haystack.length() - text.length();
		for (int start = 0; start <= last; start++) {
			int at = 0;
			while (at < text.length() && folds(haystack.charAt(start + at), text.charAt(at))) {
				at++;
			}
			if (at == text.length()) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code c} matches the lower-case ASCII {@code literal} under simple case folding. */
	private static boolean folds(char c, char literal) {
		return c == literal || Character.toLowerCase(c) == literal || (literal == 's' && c == '\u017f')
				|| (literal == 'k' && c == '\u212a');
	}

	private static String longer(String best, StringBuilder run) {
		String candidate = run.toString();
		run.setLength(0);
		return candidate.length() > best.length() ? candidate : best;
	}

	private static void dropLast(StringBuilder run) {
		if (!run.isEmpty()) {
			run.setLength(run.length() - 1);
		}
	}

	/** The index of the {@code ]} that closes the class opening at {@code open}, or -1. */
	private static int classEnd(String pattern, int open) {
		int index = open + 1;
		if (index < pattern.length() && pattern.charAt(index) == '^') {
			index++;
		}
		if (index < pattern.length() && pattern.charAt(index) == ']') {
			index++;
		}
		while (index < pattern.length()) {
			char c = pattern.charAt(index);
			if (c == '\\') {
				index += 2;
				continue;
			}
			if (c == '[' && index + 1 < pattern.length() && pattern.charAt(index + 1) == ':') {
				int close = pattern.indexOf(":]", index + 2);
				if (close < 0) {
					return -1;
				}
				index = close + 2;
				continue;
			}
			if (c == ']') {
				return index;
			}
			index++;
		}
		return -1;
	}
}
