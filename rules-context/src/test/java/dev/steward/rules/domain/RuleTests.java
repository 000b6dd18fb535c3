package dev.steward.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTests {

	static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

	static List<Object> events(Rule rule) {
		List<Object> events = new ArrayList<>();
		try {
			var method = org.springframework.data.domain.AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
			method.setAccessible(true);
			events.addAll((java.util.Collection<?>) method.invoke(rule));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		return events;
	}

	@Test
	void recordsANewDefinitionAsRevisionOne() {
		Rule rule = Rule.absent(RuleId.of("T1"), 0);
		String yaml = RuleFixtures.commandRule("T1", 1, "x", 0.5);

		boolean changed = rule.define(RuleFixtures.PARSER.parse(yaml), yaml, "alice");

		assertThat(changed).isTrue();
		assertThat(events(rule)).containsExactly(new RuleUpserted(RuleId.of("T1"), 1, 1, "test_t1", yaml, "alice"));
	}

	@Test
	void recordsNothingForTheSourceInForce() {
		String yaml = RuleFixtures.commandRule("T2", 1, "x", 0.5);
		Rule rule = Rule.stored(RuleId.of(RuleFixtures.PARSER.parse(yaml).ruleId()), yaml, 3, RuleState.DEFAULT);

		boolean changed = rule.define(RuleFixtures.PARSER.parse(yaml), yaml, "alice");

		assertThat(changed).isFalse();
		assertThat(events(rule)).isEmpty();
	}

	@Test
	void countsRevisionsOnAcrossADeletion() {
		String yaml = RuleFixtures.commandRule("T3", 1, "x", 0.5);
		Rule rule = Rule.stored(RuleId.of(RuleFixtures.PARSER.parse(yaml).ruleId()), yaml, 2, RuleState.DEFAULT);

		rule.delete("alice");
		rule.define(RuleFixtures.PARSER.parse(yaml), yaml, "bob");

		assertThat(events(rule)).containsExactly(new RuleDeleted(RuleId.of("T3"), 3, "alice"),
				new RuleUpserted(RuleId.of("T3"), 4, 1, "test_t3", yaml, "bob"));
	}

	@Test
	void refusesToChangeTheStateOfAnAbsentRule() {
		Rule rule = Rule.absent(RuleId.of("T4"), 5);

		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> rule.setState(RuleState.requested(RuleStateKind.DISABLED, null, null, null, NOW), "op"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_NOT_FOUND));
	}

	@Test
	void revertsAnExpiredStateOnce() {
		String yaml = RuleFixtures.commandRule("T5", 1, "x", 0.5);
		RuleState disabled = new RuleState(RuleStateKind.DISABLED, null, NOW.plusSeconds(60), "maintenance", "op", NOW);
		Rule rule = Rule.stored(RuleId.of(RuleFixtures.PARSER.parse(yaml).ruleId()), yaml, 1, disabled);

		boolean early = rule.expire(NOW.plusSeconds(59));
		boolean due = rule.expire(NOW.plusSeconds(60));
		boolean again = rule.expire(NOW.plusSeconds(61));

		assertThat(early).isFalse();
		assertThat(due).isTrue();
		assertThat(again).isFalse();
		assertThat(rule.state()).isEqualTo(RuleState.DEFAULT);
		assertThat(events(rule)).containsExactly(
				new RuleStateExpired(RuleId.of("T5"), 1, NOW.plusSeconds(60), RuleStateExpired.ACTOR));
	}

	@Test
	void refusesInconsistentStates() {
		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> RuleState.requested(RuleStateKind.CLIPPED, null, null, null, NOW))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_STATE_INVALID));
		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> RuleState.requested(RuleStateKind.CLIPPED, 1.5, null, null, NOW))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_STATE_INVALID));
		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> RuleState.requested(RuleStateKind.DISABLED, 0.5, null, null, NOW))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_STATE_INVALID));
		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> RuleState.requested(RuleStateKind.DISABLED, null, NOW, null, NOW))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_STATE_INVALID));
		assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> RuleState.requested(RuleStateKind.DISABLED, null, java.time.Instant.MAX, null, NOW))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_STATE_INVALID));
		assertThat(RuleState.requested(RuleStateKind.DISABLED, null, RuleState.LATEST_EXPIRY, null, NOW).expiresAt())
			.isEqualTo(RuleState.LATEST_EXPIRY);
	}
}
