package dev.steward.rules.domain;

import dev.steward.rules.EvaluationFacade.RuleMatch;
import dev.steward.rules.EvaluationFacade.Tag;
import dev.steward.rules.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules Steward evaluates, bucketed by source kind: immutable, so a new set of rules replaces it whole and an
 * evaluation in progress keeps the set it started with. Rules of a {@code lifter:} kind are not in it.
 */
public final class RuleIndex {

	/** Fields besides a rule's evidence fields that an event of the command kind carries into every tag. */
	static final List<String> COMMAND_CONTEXT = List.of("uid", "user", "src", "pwd");

	private final Map<SourceKind, List<CompiledRule>> byKind;

	private final long sequence;

	private RuleIndex(Map<SourceKind, List<CompiledRule>> byKind, long sequence) {
		this.byKind = byKind;
		this.sequence = sequence;
	}

	/**
	 * @param sequence the newest rules log entry the rules reflect
	 */
	public static RuleIndex of(List<CompiledRule> rules, long sequence) {
		Map<SourceKind, List<CompiledRule>> byKind = new EnumMap<>(SourceKind.class);
		rules.stream()
			.filter(rule -> !rule.definition().match().external())
			.sorted(Comparator.comparing(rule -> rule.definition().ruleId()))
			.forEach(rule -> rule.definition()
				.appliesTo()
				.forEach(kind -> byKind.computeIfAbsent(kind, any -> new ArrayList<>()).add(rule)));
		byKind.replaceAll((kind, list) -> List.copyOf(list));
		return new RuleIndex(byKind, sequence);
	}

	public long sequence() {
		return sequence;
	}

	/** How many rules apply to events of {@code kind}. */
	public int size(SourceKind kind) {
		return byKind.getOrDefault(kind, List.of()).size();
	}

	/**
	 * The rules that match the event, in rule id order: disabled and expired-but-not-yet-reverted states are
	 * skipped and read as their default, a clipped rule's confidences are capped. A field that is missing or not
	 * text matches nothing.
	 */
	public List<RuleMatch> evaluate(SourceKind kind, String sourceId, Map<String, ?> payload, Instant now) {
		List<RuleMatch> matches = new ArrayList<>();
		for (CompiledRule rule : byKind.getOrDefault(kind, List.of())) {
			if (!rule.state().activeAt(now)) {
				continue;
			}
			RuleDefinition definition = rule.definition();
			String field = definition.fieldFor(kind);
			RuleSyntax.@Nullable TextPattern pattern = definition.match().pattern();
			if (field == null || pattern == null || !(payload.get(field) instanceof String haystack)
					|| !pattern.find(haystack)) {
				continue;
			}
			Map<String, Object> evidence = new LinkedHashMap<>();
			for (String name : definition.evidenceFields()) {
				if (payload.get(name) != null) {
					evidence.put(name, payload.get(name));
				}
			}
			if (kind == SourceKind.COMMAND) {
				for (String name : COMMAND_CONTEXT) {
					if (payload.get(name) != null) {
						evidence.putIfAbsent(name, payload.get(name));
					}
				}
			}
			List<Tag> tags = definition.emits()
				.stream()
				.map(emit -> new Tag(
						TagIds.of(kind.value(), sourceId, definition.ruleId(), definition.ruleVersion(),
								emit.techniqueId(), emit.subTechniqueId()),
						definition.ruleId(), emit.techniqueId(), emit.subTechniqueId(), emit.tactic(),
						rule.state().ceiling(emit.confidence(), now), emit.confidence(), evidence))
				.toList();
			matches.add(new RuleMatch(definition.ruleId(), definition.ruleVersion(), definition.name(), tags));
		}
		return matches;
	}
}
