package dev.steward.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.rules.EvaluationFacade.RuleMatch;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleIndexTests {

	static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

	static CompiledRule rule(String yaml, RuleState state) {
		return new CompiledRule(RuleFixtures.PARSER.parse(yaml), state);
	}

	static RuleIndex samples() {
		return RuleIndex.of(RuleFixtures.sampleFiles()
			.stream()
			.map(RuleFixtures::read)
			.map(yaml -> rule(yaml, RuleState.DEFAULT))
			.toList(), 1);
	}

	@Test
	void matchesTheDefaultFieldOfTheSourceKind() {
		RuleIndex index = samples();

		List<RuleMatch> matches = index.evaluate(SourceKind.COMMAND, "s1#3",
				Map.of("command_text", "find / -perm -4000 2>/dev/null", "user", "root", "pwd", "/tmp"), NOW);

		assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("R0015");
		assertThat(matches.getFirst().tags()).hasSize(2).allSatisfy(tag -> assertThat(tag.evidence())
			.containsEntry("command_text", "find / -perm -4000 2>/dev/null")
			.containsEntry("user", "root")
			.containsEntry("pwd", "/tmp"));
	}

	@Test
	void matchesTheFieldTheRuleNames() {
		RuleIndex index = samples();

		List<RuleMatch> matches = index.evaluate(SourceKind.HTTP_REQUEST, "r1",
				Map.of("raw_url", "/index.php?id=1", "user_agent", "sqlmap/1.7.2#stable (https://sqlmap.org)"), NOW);

		assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("R0007");
	}

	@Test
	void leavesLifterRulesToExternalWorkers() {
		RuleIndex index = samples();

		List<RuleMatch> matches = index.evaluate(SourceKind.AUTH_ATTEMPT, "a1", Map.of("username", "alice"), NOW);

		assertThat(matches).isEmpty();
		assertThat(index.size(SourceKind.AUTH_ATTEMPT)).isEqualTo(1);
	}

	@Test
	void skipsDisabledRulesAndCapsClippedOnes() {
		String yaml = RuleFixtures.commandRule("C1", 1, "curl", 0.9);
		RuleState disabled = new RuleState(RuleStateKind.DISABLED, null, null, null, "op", NOW);
		RuleState clipped = new RuleState(RuleStateKind.CLIPPED, 0.4, null, "noisy", "op", NOW);

		var whenDisabled = RuleIndex.of(List.of(rule(yaml, disabled)), 1)
			.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", "curl x"), NOW);
		var whenClipped = RuleIndex.of(List.of(rule(yaml, clipped)), 1)
			.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", "curl x"), NOW);

		assertThat(whenDisabled).isEmpty();
		assertThat(whenClipped.getFirst().tags().getFirst().confidence()).isEqualTo(0.4);
		assertThat(whenClipped.getFirst().tags().getFirst().baseConfidence()).isEqualTo(0.9);
	}

	@Test
	void neverRaisesAConfidenceWithACeilingAboveIt() {
		String yaml = RuleFixtures.commandRule("C2", 1, "curl", 0.3);
		RuleState clipped = new RuleState(RuleStateKind.CLIPPED, 0.8, null, null, "op", NOW);

		var matches = RuleIndex.of(List.of(rule(yaml, clipped)), 1)
			.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", "curl x"), NOW);

		assertThat(matches.getFirst().tags().getFirst().confidence()).isEqualTo(0.3);
	}

	@Test
	void evaluatesARuleWhoseStateExpiredAsEnabled() {
		String yaml = RuleFixtures.commandRule("C3", 1, "curl", 0.9);
		RuleState expired = new RuleState(RuleStateKind.DISABLED, null, NOW.minusSeconds(1), null, "op", NOW);

		var matches = RuleIndex.of(List.of(rule(yaml, expired)), 1)
			.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", "curl x"), NOW);

		assertThat(matches).hasSize(1);
	}

	@Test
	void matchesNothingInAFieldThatIsMissingOrNotText() {
		RuleIndex index = RuleIndex.of(List.of(rule(RuleFixtures.commandRule("C4", 1, ".", 0.9), RuleState.DEFAULT)), 1);

		var missing = index.evaluate(SourceKind.COMMAND, "e", Map.of("other", "x"), NOW);
		var number = index.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", 42), NOW);

		assertThat(missing).isEmpty();
		assertThat(number).isEmpty();
	}

	@Test
	void givesTheSameTagIdsOnReEvaluationAndNewOnesForANewRuleVersion() {
		var first = RuleIndex.of(List.of(rule(RuleFixtures.commandRule("C5", 1, "curl", 0.9), RuleState.DEFAULT)), 1);
		var bumped = RuleIndex.of(List.of(rule(RuleFixtures.commandRule("C5", 2, "curl", 0.9), RuleState.DEFAULT)), 2);
		Map<String, String> event = Map.of("command_text", "curl x");

		var once = first.evaluate(SourceKind.COMMAND, "e1", event, NOW).getFirst().tags().getFirst().id();
		var again = first.evaluate(SourceKind.COMMAND, "e1", event, NOW).getFirst().tags().getFirst().id();
		var otherEvent = first.evaluate(SourceKind.COMMAND, "e2", event, NOW).getFirst().tags().getFirst().id();
		var newVersion = bumped.evaluate(SourceKind.COMMAND, "e1", event, NOW).getFirst().tags().getFirst().id();

		assertThat(again).isEqualTo(once);
		assertThat(once.version()).isEqualTo(5);
		assertThat(otherEvent).isNotEqualTo(once);
		assertThat(newVersion).isNotEqualTo(once);
	}

	@Test
	void computesVersion5UuidsAsRfc4122Does() {
		// the RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, "python.org") example
		var namespaceDns = java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

		var id = TagIds.uuid5(namespaceDns, "python.org");

		assertThat(id).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
	}

	/**
	 * {@code ((a+)*)+$} against {@code a…a!} backtracks exponentially in java.util.regex (each four more characters
	 * read about sixteen times as often); RE2/J reads each character a bounded number of times. Counted in characters
	 * read, not in time.
	 */
	@Test
	void evaluatesAPatternCatastrophicForJavaUtilRegexInLinearTime() {
		String hostile = "((a+)*)+$";
		CountingText shorter = new CountingText("a".repeat(14) + "!");
		CountingText small = new CountingText("a".repeat(18) + "!");
		CountingText large = new CountingText("a".repeat(100_000) + "!");

		java.util.regex.Pattern.compile(hostile).matcher(shorter).find();
		java.util.regex.Pattern.compile(hostile).matcher(small).find();
		com.google.re2j.Pattern.compile(hostile).matcher(large).find();
		var index = RuleIndex.of(List.of(rule(RuleFixtures.commandRule("H1", 1, "((a+)*)+!x", 0.9), RuleState.DEFAULT)), 1);
		var evaluated = index.evaluate(SourceKind.COMMAND, "e", Map.of("command_text", "a".repeat(100_000) + "!"), NOW);

		assertThat(small.reads.get()).as("java.util.regex reads of 19 characters").isGreaterThan(1_000_000L);
		assertThat(small.reads.get()).as("four more characters").isGreaterThan(10 * shorter.reads.get());
		assertThat(large.reads.get()).as("RE2/J reads of 100,001 characters")
			.isPositive()
			.isLessThan(20L * large.length());
		assertThat(evaluated).isEmpty();
	}

	/** Text that counts how often its characters are read. */
	static final class CountingText implements CharSequence {

		final String text;

		final AtomicLong reads = new AtomicLong();

		CountingText(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public char charAt(int index) {
			reads.incrementAndGet();
			return text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return text;
		}
	}
}
