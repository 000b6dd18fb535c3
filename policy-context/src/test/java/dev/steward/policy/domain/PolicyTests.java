package dev.steward.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTests {

	private static final PolicyId ID = PolicyId.parse("prompt:npc:greeting");

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	@Test
	void storesANewVariantAtVersionZeroAndRecordsItWithItsContent() {
		Policy policy = Policy.of(ID, List.of());
		PolicyDraft draft = draft("formal", Map.of("text", "Good day"));

		PolicyVariant saved = policy.saveVariant(draft, passed(draft), "alice", NOW, null);

		assertThat(saved.version()).isZero();
		assertThat(saved.updatedBy()).isEqualTo("alice");
		assertThat(policy.changes()).extracting(Policy.Change::isNew).containsExactly(true);
		assertThat(events(policy)).singleElement().isInstanceOfSatisfying(PolicyVariantSaved.class, event -> {
			assertThat(event.policyId()).isEqualTo("prompt:npc:greeting");
			assertThat(event.variant()).isEqualTo("formal");
			assertThat(event.content()).isEqualTo(Map.of("text", "Good day"));
			assertThat(event.payload()).containsEntry("version", 0L).containsEntry("content_hash", "a".repeat(64));
		});
	}

	@Test
	void countsTheVersionOfAReplacedVariantUp() {
		Policy policy = Policy.of(ID, List.of(stored("formal", 3)));
		PolicyDraft draft = draft(" formal ", Map.of("text", "Hello"));

		PolicyVariant saved = policy.saveVariant(draft, passed(draft), "bob", NOW, 3L);

		assertThat(saved.version()).isEqualTo(4);
		assertThat(policy.changes()).extracting(Policy.Change::isNew).containsExactly(false);
	}

	@Test
	void refusesAStaleExpectedVersionAndRecordsNothing() {
		Policy policy = Policy.of(ID, List.of(stored("formal", 3)));
		PolicyDraft draft = draft("formal", Map.of("text", "Hello"));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policy.saveVariant(draft, passed(draft), "bob", NOW, 2L))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.CONFLICT));
		assertThat(policy.changes()).isEmpty();
		assertThat(events(policy)).isEmpty();
	}

	@Test
	void refusesADraftWhoseValidationFailedWithItsErrors() {
		Policy policy = Policy.of(ID, List.of());
		PolicyDraft draft = draft("formal", Map.of());
		ValidationRun failed = ValidationRun.record(new ValidationRun.Id(7), draft,
				ValidationOutcome.of(List.of("text is required")), "a".repeat(64), "alice", NOW);

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policy.saveVariant(draft, failed, "alice", NOW, null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR))
			.withMessage("text is required");
		assertThat(events(policy)).isEmpty();
	}

	@Test
	void refusesARunThatJudgedAnotherVariant() {
		Policy policy = Policy.of(ID, List.of());
		PolicyDraft other = draft("casual", Map.of("text", "Hi"));

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> policy.saveVariant(draft("formal", Map.of("text", "Hi")), passed(other), "alice", NOW, null))
			.withMessageEndingWith(" judged " + ID + "@casual, not " + ID + "@formal");
	}

	@Test
	void recordsAValidationRunWithItsOutcome() {
		PolicyDraft draft = draft("formal", Map.of());

		ValidationRun run = ValidationRun.record(new ValidationRun.Id(9), draft,
				ValidationOutcome.of(List.of("text is required")), "b".repeat(64), "carol", NOW);

		assertThat(events(run)).singleElement().isInstanceOfSatisfying(PolicyVariantValidated.class, event -> {
			assertThat(event.validationRunId()).isEqualTo(9);
			assertThat(event.valid()).isFalse();
			assertThat(event.errors()).containsExactly("text is required");
			assertThat(event.actor()).isEqualTo("carol");
		});
	}

	static List<Object> events(Object aggregate) {
		List<Object> events = new ArrayList<>();
		new AggregateEvents(events::add).publishFrom(aggregate);
		return events;
	}

	private static PolicyDraft draft(String variant, Map<String, Object> content) {
		return PolicyDraft.of(ID, variant, "1.0", 1, "draft", content);
	}

	private static ValidationRun passed(PolicyDraft draft) {
		return ValidationRun.record(new ValidationRun.Id(1), draft, ValidationOutcome.passed(), "a".repeat(64), "alice",
				NOW);
	}

	private static PolicyVariant stored(String name, long version) {
		return new PolicyVariant(VariantName.of(name), "1.0", 1, "draft", Map.of("text", "old"), "c".repeat(64), NOW,
				"alice", version);
	}
}
