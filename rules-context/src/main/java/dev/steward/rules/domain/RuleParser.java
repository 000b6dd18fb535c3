package dev.steward.rules.domain;

import dev.steward.rules.RulesException;
import dev.steward.rules.SourceKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a rule from YAML and validates all of it at once, through the {@link RuleSyntax} it is given. YAML is
 * read in a safe mode: plain data only (no tags
 * that build objects), at most {@value #MAX_ALIASES} aliases, no recursive keys, no duplicate keys, at most
 * {@value #MAX_CHARS} characters and {@value #MAX_DEPTH} levels of nesting. Unknown keys are ignored.
 */
public final class RuleParser {

	public static final int MAX_CHARS = 64 * 1024;

	public static final int MAX_DEPTH = 16;

	public static final int MAX_ALIASES = 20;

	public static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private static final java.util.regex.Pattern TECHNIQUE = java.util.regex.Pattern.compile("T\\d{4}(\\.\\d{3})?");

	private static final java.util.regex.Pattern TACTIC = java.util.regex.Pattern.compile("TA\\d{4}");

	private static final int MAX_NAME = 200;

	private final RuleSyntax syntax;

	public RuleParser(RuleSyntax syntax) {
		this.syntax = syntax;
	}

	/**
	 * @throws RulesException {@code RULE_INVALID} listing every problem found
	 */
	public RuleDefinition parse(String yaml) {
		Map<?, ?> document = load(yaml);
		List<String> problems = new ArrayList<>();
		String ruleId = text(document, "rule_id", problems, true);
		if (ruleId != null && !RULE_ID.matcher(ruleId).matches()) {
			problems.add("rule_id must be 1 to 64 letters, digits, _, - or ., was '" + ruleId + "'");
		}
		Object version = document.get("rule_version");
		int ruleVersion = 0;
		if (version instanceof Number number && isWhole(number) && number.longValue() >= 1
				&& number.longValue() <= Integer.MAX_VALUE) {
			ruleVersion = number.intValue();
		}
		else {
			problems.add("rule_version must be a whole number of at least 1");
		}
		String name = text(document, "name", problems, true);
		if (name != null && name.length() > MAX_NAME) {
			problems.add("name must have at most " + MAX_NAME + " characters");
		}
		String description = text(document, "description", problems, false);
		Set<SourceKind> appliesTo = appliesTo(document.get("applies_to"), problems);
		MatchSpec match = match(document.get("match"), appliesTo, problems);
		List<Emit> emits = emits(document.get("emits"), problems);
		List<String> evidence = evidenceFields(document.get("evidence_fields"), problems);
		if (!problems.isEmpty()) {
			throw RulesException.invalid(problems);
		}
		return new RuleDefinition(ruleId, ruleVersion, name, description == null ? null : description.strip(),
				appliesTo, match, emits, evidence);
	}

	private Map<?, ?> load(String yaml) {
		if (yaml.length() > MAX_CHARS) {
			throw RulesException.invalid(List.of("the rule has " + yaml.length() + " characters; at most " + MAX_CHARS
					+ " are allowed"));
		}
		if (flowDepth(yaml) > MAX_DEPTH) {
			throw RulesException.invalid(List.of("the rule nests more than " + MAX_DEPTH + " levels deep"));
		}
		Object document;
		try {
			document = syntax.readYaml(yaml, MAX_ALIASES, MAX_CHARS);
		}
		catch (IllegalArgumentException ex) {
			throw RulesException.invalid(List.of("not valid YAML: " + firstLine(ex.getMessage())));
		}
		if (!(document instanceof Map<?, ?> map)) {
			throw RulesException.invalid(List.of("the rule must be a YAML mapping at the top level"));
		}
		if (depth(map, 0) > MAX_DEPTH) {
			throw RulesException.invalid(List.of("the rule nests more than " + MAX_DEPTH + " levels deep"));
		}
		return map;
	}

	private static Set<SourceKind> appliesTo(@Nullable Object value, List<String> problems) {
		Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("applies_to must be a non-empty list of source kinds");
			return kinds;
		}
		for (Object item : list) {
			SourceKind.of(String.valueOf(item)).ifPresentOrElse(kinds::add,
					() -> problems.add("applies_to names an unknown source kind '" + item + "'; known: " + knownKinds()));
		}
		return kinds;
	}

	private MatchSpec match(@Nullable Object value, Set<SourceKind> appliesTo, List<String> problems) {
		if (!(value instanceof Map<?, ?> map)) {
			problems.add("match must be a mapping");
			return new MatchSpec(null, null, null, Map.of());
		}
		String kind = text(map, "kind", problems, false, "match.kind");
		String field = text(map, "field", problems, false, "match.field");
		if (kind != null && kind.startsWith(MatchSpec.LIFTER_PREFIX)) {
			if (kind.length() == MatchSpec.LIFTER_PREFIX.length()) {
				problems.add("match.kind must name the lifter after 'lifter:'");
			}
			Map<String, Object> parameters = new LinkedHashMap<>();
			map.forEach((key, item) -> {
				if (!"kind".equals(key) && !"field".equals(key)) {
					parameters.put(String.valueOf(key), plain(item));
				}
			});
			return new MatchSpec(kind, field, null, parameters);
		}
		if (kind != null && !kind.equals("pattern")) {
			problems.add("match.kind must be 'pattern' or start with 'lifter:', was '" + kind + "'");
		}
		String source = text(map, "pattern", problems, true, "match.pattern");
		RuleSyntax.@Nullable TextPattern pattern = null;
		if (source != null) {
			try {
				pattern = syntax.compile(source);
			}
			catch (IllegalArgumentException ex) {
				problems.add("match.pattern does not compile: " + ex.getMessage());
			}
		}
		if (field == null) {
			for (SourceKind sourceKind : appliesTo) {
				if (sourceKind.defaultField() == null) {
					problems.add("match.field is needed: source kind " + sourceKind.value() + " has no default field");
				}
			}
		}
		return new MatchSpec(kind, field, pattern, Map.of());
	}

	private static List<Emit> emits(@Nullable Object value, List<String> problems) {
		List<Emit> emits = new ArrayList<>();
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("emits must be a non-empty list");
			return emits;
		}
		for (int index = 0; index < list.size(); index++) {
			String at = "emits[" + index + "]";
			if (!(list.get(index) instanceof Map<?, ?> emit)) {
				problems.add(at + " must be a mapping");
				continue;
			}
			String technique = text(emit, "technique_id", problems, true, at + ".technique_id");
			if (technique != null && !TECHNIQUE.matcher(technique).matches()) {
				problems.add(at + ".technique_id must look like T1234 or T1234.001, was '" + technique + "'");
			}
			String sub = text(emit, "sub_technique_id", problems, false, at + ".sub_technique_id");
			if (sub != null && sub.isBlank()) {
				sub = null;
			}
			if (sub != null && !TECHNIQUE.matcher(sub).matches()) {
				problems.add(at + ".sub_technique_id must look like T1234.001, was '" + sub + "'");
			}
			String tactic = text(emit, "tactic", problems, true, at + ".tactic");
			if (tactic != null && !TACTIC.matcher(tactic).matches()) {
				problems.add(at + ".tactic must look like TA0001, was '" + tactic + "'");
			}
			Object confidence = emit.get("confidence");
			double base = -1;
			if (confidence instanceof Number number) {
				base = number.doubleValue();
			}
			if (!(base >= 0 && base <= 1)) {
				problems.add(at + ".confidence must be a number between 0 and 1");
			}
			if (technique != null && tactic != null) {
				emits.add(new Emit(technique, sub, tactic, base));
			}
		}
		return emits;
	}

	private static List<String> evidenceFields(@Nullable Object value, List<String> problems) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
			problems.add("evidence_fields must be a list of field names");
			return List.of();
		}
		return list.stream().map(String.class::cast).distinct().toList();
	}

	private static @Nullable String text(Map<?, ?> map, String key, List<String> problems, boolean required) {
		return text(map, key, problems, required, key);
	}

	private static @Nullable String text(Map<?, ?> map, String key, List<String> problems, boolean required,
			String label) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				problems.add(label + " is required");
			}
			return null;
		}
		if (value instanceof String text) {
			if (required && text.isBlank()) {
				problems.add(label + " must not be blank");
				return null;
			}
			return text;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		problems.add(label + " must be text");
		return null;
	}

	private static boolean isWhole(Number number) {
		return number instanceof Integer || number instanceof Long || number instanceof java.math.BigInteger;
	}

	/** Plain JSON-shaped values: maps with text keys, lists, text, numbers, booleans. */
	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RuleParser::plain).toList();
		}
		if (value instanceof Integer number) {
			return number.longValue();
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean || value == null) {
			return value;
		}
		return String.valueOf(value);
	}

	/** How deep the value nests, counted no further than one past the limit (an alias may make it endless). */
	private static int depth(@Nullable Object value, int level) {
		if (level > MAX_DEPTH) {
			return level;
		}
		if (value instanceof Map<?, ?> map) {
			int deepest = level + 1;
			for (Object item : map.values()) {
				deepest = Math.max(deepest, depth(item, level + 1));
			}
			return deepest;
		}
		if (value instanceof List<?> list) {
			int deepest = level + 1;
			for (Object item : list) {
				deepest = Math.max(deepest, depth(item, level + 1));
			}
			return deepest;
		}
		return level;
	}

	/** How deep flow collections ({@code [ ]}, <code>{ }</code>) nest outside quotes, checked before parsing. */
	static int flowDepth(String yaml) {
		int depth = 0;
		int deepest = 0;
		char quote = 0;
		boolean comment = false;
		for (int index = 0; index < yaml.length(); index++) {
			char c = yaml.charAt(index);
			if (comment) {
				comment = c != '\n';
			}
			else if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\n' && quote == 0) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '#') {
				comment = index == 0 || Character.isWhitespace(yaml.charAt(index - 1));
			}
			else if (c == '[' || c == '{') {
				deepest = Math.max(deepest, ++depth);
			}
			else if ((c == ']' || c == '}') && depth > 0) {
				depth--;
			}
		}
		return deepest;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		return message.lines().findFirst().orElse(message).strip();
	}

	private static String knownKinds() {
		return String.join(", ", java.util.Arrays.stream(SourceKind.values()).map(SourceKind::value).toList());
	}
}
