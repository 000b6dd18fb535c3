package dev.steward.app.graphql.rules;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static dev.steward.app.graphql.GraphQlErrorAssertions.subscriptionRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.EvaluationFacade;
import dev.steward.rules.EvaluationFacade.EvaluateEvent;
import dev.steward.rules.EvaluationFacade.Evaluation;
import dev.steward.rules.EvaluationFacade.RuleMatch;
import dev.steward.rules.EvaluationFacade.Tag;
import dev.steward.rules.RuleFacade;
import dev.steward.rules.RuleFacade.EmitView;
import dev.steward.rules.RuleFacade.MatchView;
import dev.steward.rules.RuleFacade.RuleStateView;
import dev.steward.rules.RuleFacade.RuleView;
import dev.steward.rules.RuleFacade.SetRuleState;
import dev.steward.rules.RuleFacade.UpsertRule;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.RulesException;
import dev.steward.rules.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@GraphQlTest(RulesGraphQlController.class)
@GraphQlSlice
class RulesGraphQlControllerTests {

	private static final Instant AT = Instant.parse("2026-11-28T22:00:00Z");

	private static final String YAML = "rule_id: R0015\n";

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private RuleFacade rules;

	@MockitoBean
	private EvaluationFacade evaluation;

	@MockitoBean
	private EventStreams events;

	@Test
	void readsARuleWithEveryField() {
		given(rules.find("R0015")).willReturn(Optional.of(rule(new RuleStateView(RuleStateKind.CLIPPED, 0.5,
				AT.plusSeconds(60), "noisy", "otto", AT))));

		var response = callers.as("vera", Role.VIEWER).documentName("rule").variable("id", "R0015").execute();

		response.path("rule.id").entity(String.class).isEqualTo("R0015");
		response.path("rule.ruleVersion").entity(Integer.class).isEqualTo(2);
		response.path("rule.appliesTo").entityList(String.class).containsExactly("COMMAND");
		response.path("rule.match.field").entity(String.class).isEqualTo("command_text");
		response.path("rule.match.pattern").entity(String.class).isEqualTo("find.*-perm");
		response.path("rule.external").entity(Boolean.class).isEqualTo(false);
		response.path("rule.emits[0].subTechniqueId").entity(String.class).isEqualTo("T1548.001");
		response.path("rule.emits[0].confidence").entity(Double.class).isEqualTo(0.95);
		response.path("rule.source").entity(String.class).isEqualTo(YAML);
		response.path("rule.revision").entity(Long.class).isEqualTo(7L);
		response.path("rule.updatedAt").entity(String.class).isEqualTo("2026-11-28T22:00:00.000Z");
		response.path("rule.state.state").entity(String.class).isEqualTo("CLIPPED");
		response.path("rule.state.confidenceMax").entity(Double.class).isEqualTo(0.5);
		response.path("rule.state.expiresAt").entity(String.class).isEqualTo("2026-11-28T22:01:00.000Z");
		response.path("rule.state.setBy").entity(String.class).isEqualTo("otto");
	}

	@Test
	void upsertsAsTheAuthenticatedAuthor() {
		given(rules.upsert(any())).willReturn(rule(RuleStateView.DEFAULT));

		var response = callers.as("ada", Role.AUTHOR).documentName("upsertRule").variable("yaml", YAML).execute();

		verify(rules).upsert(new UpsertRule(YAML, "ada"));
		response.path("upsertRule.rule.ruleId").entity(String.class).isEqualTo("R0015");
	}

	@Test
	void refusesAViewerAnUpsertAndAnAuthorAStateChange() {
		callers.as("vera", Role.VIEWER)
			.documentName("upsertRule")
			.variable("yaml", YAML)
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "upsertRule"));
		callers.as("ada", Role.AUTHOR)
			.documentName("setRuleState")
			.variable("input", Map.of("ruleId", "R0015", "state", "DISABLED"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "setRuleState"));

		verifyNoInteractions(rules);
	}

	@Test
	void reportsEveryProblemOfAnInvalidRule() {
		given(rules.upsert(any()))
			.willThrow(RulesException.invalid(List.of("name is required", "emits must be a non-empty list")));

		callers.as("ada", Role.AUTHOR)
			.documentName("upsertRule")
			.variable("yaml", YAML)
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getExtensions()).containsEntry("code", "RULE_INVALID")
						.containsEntry("classification", "BAD_REQUEST")
						.containsEntry("problems", List.of("name is required", "emits must be a non-empty list"));
					assertThat(error.getPath()).isEqualTo("upsertRule");
				});
			});
	}

	@Test
	void setsAStateAsTheAuthenticatedOperator() {
		given(rules.setState(any())).willReturn(rule(new RuleStateView(RuleStateKind.DISABLED, null, null, "flaky",
				"otto", AT)));

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("setRuleState")
			.variable("input", Map.of("ruleId", "R0015", "state", "DISABLED", "expiresAt", "2026-11-29T01:00:00+01:00",
					"reason", "flaky"))
			.execute();

		verify(rules).setState(new SetRuleState("R0015", RuleStateKind.DISABLED, null,
				Instant.parse("2026-11-29T00:00:00Z"), "flaky", "otto"));
		response.path("setRuleState.rule.state.state").entity(String.class).isEqualTo("DISABLED");
	}

	@Test
	void mapsAnUnknownRuleToNotFound() {
		given(rules.clearState("R9", "otto"))
			.willThrow(new RulesException(RulesErrorCode.RULE_NOT_FOUND, "There is no rule R9"));

		callers.as("otto", Role.OPERATOR)
			.document("mutation { clearRuleState(ruleId: \"R9\") { rule { ruleId } } }")
			.execute()
			.errors()
			.satisfy(onlyError("RULE_NOT_FOUND", "clearRuleState", "There is no rule R9"));
	}

	@Test
	void evaluatesWithTheSourceKindAsRulesSpellIt() {
		UUID tagId = UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
		given(evaluation.evaluate(any())).willReturn(new Evaluation(List.of(new RuleMatch("R0007", 1, "sqlmap",
				List.of(new Tag(tagId, "R0007", "T1190", null, "TA0001", 0.9, 0.9, Map.of("user_agent", "sqlmap/1.7"))))),
				3, 42));

		var response = callers.as("vera", Role.VIEWER)
			.documentName("evaluateEvent")
			.variable("input", Map.of("sourceKind", "HTTP_REQUEST", "sourceId", "r-1", "payload",
					Map.of("user_agent", "sqlmap/1.7")))
			.execute();

		verify(evaluation).evaluate(new EvaluateEvent("http_request", "r-1", Map.of("user_agent", "sqlmap/1.7")));
		response.path("evaluateEvent.rulesConsidered").entity(Integer.class).isEqualTo(3);
		response.path("evaluateEvent.rulesSequence").entity(Long.class).isEqualTo(42L);
		response.path("evaluateEvent.matches[0].tags[0].id").entity(String.class).isEqualTo(tagId.toString());
		response.path("evaluateEvent.matches[0].tags[0].evidence.user_agent").entity(String.class).isEqualTo("sqlmap/1.7");
	}

	@Test
	void streamsOneChangePerRulesLogEntryDeletionsIncluded() {
		given(events.<LogEntry>stream("rules", 9L)).willReturn(Flux.just(
				entry(10, RulesEvents.UPSERTED, Map.of("rule_id", "R0015", "revision", 1, "rule_version", 1, "name", "x",
						"source", YAML)),
				entry(11, RulesEvents.STATE_EXPIRED,
						Map.of("rule_id", "R0015", "revision", 1, "expires_at", "2026-11-28T22:00:00Z")),
				entry(12, RulesEvents.DELETED, Map.of("rule_id", "R0015", "revision", 2))));

		Flux<String> kinds = callers.as("vera", Role.VIEWER)
			.documentName("ruleChanges")
			.variable("after", 9)
			.executeSubscription()
			.toFlux("ruleChanges.kind", String.class);

		StepVerifier.create(kinds).expectNext("DEFINITION", "STATE", "DELETION").verifyComplete();
	}

	@Test
	void refusesANegativeAfterAsInvalidArgument() {
		StepVerifier.create(callers.as("vera", Role.VIEWER)
			.documentName("ruleChanges")
			.variable("after", -1)
			.executeSubscription()
			.toFlux())
			.expectErrorSatisfies(subscriptionRefused("INVALID_ARGUMENT"))
			.verify();

		verifyNoInteractions(events);
	}

	private static RuleView rule(RuleStateView state) {
		return new RuleView("R0015", 2, "suid_search", "SUID hunting", List.of(SourceKind.COMMAND),
				new MatchView(null, "command_text", "find.*-perm", Map.of()), false,
				List.of(new EmitView("T1548", "T1548.001", "TA0004", 0.95)), List.of("command_text"), YAML, 7, AT,
				"ada", state);
	}

	private static LogEntry entry(long sequence, String type, Map<String, Object> payload) {
		return new LogEntry("rules", sequence, UUID.nameUUIDFromBytes(type.getBytes()), type, "rule", "R0015", "ada",
				CanonicalCbor.encode(payload), "d".repeat(64), "c".repeat(64), AT, null);
	}
}
