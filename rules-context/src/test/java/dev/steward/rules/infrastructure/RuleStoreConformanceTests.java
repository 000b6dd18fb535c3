package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.RuleFacade.MatchView;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.RulesException;
import dev.steward.rules.application.RuleStore;
import dev.steward.rules.domain.CompiledRule;
import dev.steward.rules.domain.Emit;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleFixtures;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleParser;
import dev.steward.rules.domain.RuleState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The contract both rule stores keep, run against each: the same rules compile to the same output; an unknown id
 * has the default state; states round-trip and stay with their rule; one change per edit, none for unchanged
 * content; an expiring state reverts by itself; failures are raised.
 */
abstract class RuleStoreConformanceTests {

	private static final AtomicInteger IDS = new AtomicInteger();

	@Autowired
	RuleStore store;

	@Autowired
	@Qualifier("rulesEventLog")
	EventLog log;

	/** A prefix for the rule ids one store's tests make up, so that both suites can share a database. */
	abstract String prefix();

	/** Makes the sample rules the store's definitions. */
	abstract void loadSamples();

	/** Edits a rule the way the store takes edits: through its API, or by saving its file in place. */
	abstract void edit(String ruleId, String yaml);

	/** Edits a rule by writing a new file and renaming it over the old one (the API for the database store). */
	abstract void editByRename(String ruleId, String yaml);

	/** Removes a rule the way the store takes removals. */
	abstract void remove(String ruleId);

	/** Waits until the store can have taken what was just done (the filesystem store debounces). */
	abstract void settle();

	String newRuleId() {
		return prefix() + IDS.incrementAndGet();
	}

	/** The changes of one rule after the sequence, once at least {@code expected} arrived and the store settled. */
	List<LogEntry> changesAfter(long after, String ruleId, int expected) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (changes(after, ruleId).size() < expected && System.nanoTime() < deadline) {
			pause(20);
		}
		settle();
		return changes(after, ruleId);
	}

	List<LogEntry> changes(long after, String ruleId) {
		return log.after(after, 1_000).stream().filter(entry -> entry.subjectId().equals(ruleId)).toList();
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a compiled rule says, in plain values (compiled patterns compare by their source). */
	record Compiled(String ruleId, int ruleVersion, String name, @Nullable String description, List<String> appliesTo,
			MatchView match, List<Emit> emits, List<String> evidenceFields, RuleStateKind state) {

		static Compiled of(RuleDefinition rule, RuleState state) {
			return new Compiled(rule.ruleId(), rule.ruleVersion(), rule.name(), rule.description(),
					rule.appliesToNames(), dev.steward.rules.application.RuleViews.match(rule.match()), rule.emits(), rule.evidenceFields(), state.kind());
		}
	}

	@Test
	void compilesTheSampleRulesAsTheParserDoes() {
		loadSamples();
		List<Compiled> expected = RuleFixtures.sampleFiles()
			.stream()
			.map(RuleFixtures::read)
			.map(RuleFixtures.PARSER::parse)
			.map(rule -> Compiled.of(rule, RuleState.DEFAULT))
			.toList();
		Set<String> ids = expected.stream().map(Compiled::ruleId).collect(Collectors.toSet());

		List<Compiled> loaded = store.loadCompiled()
			.stream()
			.filter(rule -> ids.contains(rule.definition().ruleId()))
			.map(rule -> Compiled.of(rule.definition(), RuleState.DEFAULT))
			.toList();

		assertThat(loaded).containsExactlyElementsOf(expected);
	}

	@Test
	void givesTheDefaultStateForAnUnknownId() {
		RuleState state = store.state(RuleId.of(newRuleId()));

		assertThat(state).isEqualTo(RuleState.DEFAULT);
	}

	@Test
	void keepsAStateWithItsRuleOnly() {
		String clipped = newRuleId();
		String other = newRuleId();
		long before = log.head();
		edit(clipped, RuleFixtures.commandRule(clipped, 1, "curl", 0.9));
		edit(other, RuleFixtures.commandRule(other, 1, "wget", 0.9));
		changesAfter(before, other, 1);
		Instant expiresAt = Instant.now().plusSeconds(3_600);

		store.setState(RuleId.of(clipped), RuleState.requested(RuleStateKind.CLIPPED, 0.5, expiresAt, "noisy", Instant.now()),
				"operator-1");

		RuleState state = store.state(RuleId.of(clipped));
		assertThat(state.kind()).isEqualTo(RuleStateKind.CLIPPED);
		assertThat(state.confidenceMax()).isEqualTo(0.5);
		assertThat(state.expiresAt()).isEqualTo(expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(state.reason()).isEqualTo("noisy");
		assertThat(state.setBy()).isEqualTo("operator-1");
		assertThat(state.setAt()).isNotNull();
		assertThat(store.state(RuleId.of(other))).isEqualTo(RuleState.DEFAULT);
		assertThat(store.loadCompiled())
			.filteredOn(rule -> rule.definition().ruleId().equals(clipped))
			.singleElement()
			.extracting(CompiledRule::state)
			.isEqualTo(state);
	}

	@Test
	void yieldsOneChangePerEditAndNoneForUnchangedContent() {
		String ruleId = newRuleId();
		String first = RuleFixtures.commandRule(ruleId, 1, "curl", 0.9);
		String second = RuleFixtures.commandRule(ruleId, 2, "curl", 0.8);
		String third = RuleFixtures.commandRule(ruleId, 3, "curl", 0.7);

		long created = log.head();
		edit(ruleId, first);
		var onCreate = changesAfter(created, ruleId, 1);
		long unchanged = log.head();
		edit(ruleId, first);
		var onSameContent = changesAfter(unchanged, ruleId, 0);
		long changed = log.head();
		edit(ruleId, second);
		var onChange = changesAfter(changed, ruleId, 1);
		long renamed = log.head();
		editByRename(ruleId, third);
		var onRename = changesAfter(renamed, ruleId, 1);
		long stateSet = log.head();
		store.setState(RuleId.of(ruleId), RuleState.requested(RuleStateKind.DISABLED, null, null, null, Instant.now()),
				"operator-1");
		var onState = changesAfter(stateSet, ruleId, 1);
		long deleted = log.head();
		remove(ruleId);
		var onDelete = changesAfter(deleted, ruleId, 1);

		assertThat(onCreate).extracting(LogEntry::type).containsExactly(RulesEvents.UPSERTED);
		assertThat(onSameContent).isEmpty();
		assertThat(onChange).extracting(LogEntry::type).containsExactly(RulesEvents.UPSERTED);
		assertThat(RulesEvents.change(onChange.getFirst()).orElseThrow().source()).isEqualTo(second);
		assertThat(onRename).extracting(LogEntry::type).containsExactly(RulesEvents.UPSERTED);
		assertThat(RulesEvents.change(onRename.getFirst()).orElseThrow().ruleVersion()).isEqualTo(3);
		assertThat(onState).extracting(LogEntry::type).containsExactly(RulesEvents.STATE_SET);
		assertThat(onDelete).extracting(LogEntry::type).containsExactly(RulesEvents.DELETED);
		assertThat(store.loadCompiled()).noneMatch(rule -> rule.definition().ruleId().equals(ruleId));
		assertThat(store.state(RuleId.of(ruleId))).isEqualTo(RuleState.DEFAULT);
	}

	@Test
	void revertsAnExpiredStateByItselfWithNoOneReadingIt() {
		String ruleId = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);
		long set = log.head();

		store.setState(RuleId.of(ruleId),
				RuleState.requested(RuleStateKind.DISABLED, null, Instant.now().plusMillis(500), "for a moment", Instant.now()),
				"operator-1");
		var changes = changesAfter(set, ruleId, 2);

		assertThat(changes).extracting(LogEntry::type).containsExactly(RulesEvents.STATE_SET, RulesEvents.STATE_EXPIRED);
		assertThat(changes.getLast().actor()).isEqualTo("steward:rule-expiry");
		assertThat(RulesEvents.change(changes.getLast()).orElseThrow().autoRevert()).isTrue();
		assertThat(store.state(RuleId.of(ruleId))).isEqualTo(RuleState.DEFAULT);
	}

	@Test
	void raisesFailuresAndKeepsTheRuleInForce() {
		String ruleId = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);

		var invalid = assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> store.upsert("rule_id: " + ruleId + "\nrule_version: 2\nemits: []\n", "author-1"))
			.actual();
		var unknownState = assertThatExceptionOfType(RulesException.class).isThrownBy(() -> store.setState(
				RuleId.of(newRuleId()), RuleState.requested(RuleStateKind.DISABLED, null, null, null, Instant.now()), "op"))
			.actual();
		var unknownDelete = assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> store.delete(RuleId.of(newRuleId()), "author-1"))
			.actual();

		assertThat(invalid.code()).isEqualTo(RulesErrorCode.RULE_INVALID);
		assertThat(invalid.problems()).hasSizeGreaterThan(2);
		assertThat(unknownState.code()).isEqualTo(RulesErrorCode.RULE_NOT_FOUND);
		assertThat(unknownDelete.code()).isEqualTo(RulesErrorCode.RULE_NOT_FOUND);
		assertThat(store.loadCompiled())
			.filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(1));
	}
}
