package dev.steward.app.graphql.rules;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.EvaluationFacade;
import dev.steward.rules.EvaluationFacade.EvaluateEvent;
import dev.steward.rules.EvaluationFacade.Evaluation;
import dev.steward.rules.RuleFacade;
import dev.steward.rules.RuleFacade.RuleFilter;
import dev.steward.rules.RuleFacade.RuleRevisionView;
import dev.steward.rules.RuleFacade.RuleView;
import dev.steward.rules.RuleFacade.RulesViewsVerification;
import dev.steward.rules.RuleFacade.SetRuleState;
import dev.steward.rules.RuleFacade.StoreInfo;
import dev.steward.rules.RuleFacade.UpsertRule;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.RulesEvents.RuleChange;
import dev.steward.rules.RulesException;
import dev.steward.rules.SourceKind;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Rules over GraphQL. Reading, evaluating and subscribing need viewer; changing a rule's definition needs author;
 * changing its state needs operator.
 */
@Controller
@RequiresRole(Role.VIEWER)
class RulesGraphQlController {

	static final int DEFAULT_FIRST = 20;

	private final RuleFacade rules;

	private final EvaluationFacade evaluation;

	private final EventStreams events;

	RulesGraphQlController(RuleFacade rules, EvaluationFacade evaluation, EventStreams events) {
		this.rules = rules;
		this.evaluation = evaluation;
		this.events = events;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<RuleView> rules(@Argument @Nullable RuleFilterInput filter, ScrollSubrange subrange) {
		RuleFilter query = filter == null ? RuleFilter.none()
				: new RuleFilter(filter.sourceKind(), filter.state(), filter.external());
		return rules.list(query, Subranges.after(subrange), Subranges.size(subrange, DEFAULT_FIRST));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable RuleView rule(@Argument String id) {
		return rules.find(id).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<RuleRevisionView> ruleHistory(@Argument String ruleId) {
		return rules.history(ruleId);
	}

	/** Every rule of a page in one read, not one per rule. */
	@BatchMapping(typeName = "Rule", field = "history")
	Map<RuleView, List<RuleRevisionView>> history(List<RuleView> page) {
		Map<String, List<RuleRevisionView>> byId = rules.histories(page.stream().map(RuleView::ruleId).toList());
		Map<RuleView, List<RuleRevisionView>> histories = new LinkedHashMap<>();
		page.forEach(rule -> histories.put(rule, byId.getOrDefault(rule.ruleId(), List.of())));
		return histories;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Evaluation evaluateEvent(@Argument EvaluateEventInput input) {
		if (!(input.payload() instanceof Map<?, ?> payload)) {
			throw new InvalidArgumentError("payload must be a JSON object");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		payload.forEach((key, value) -> fields.put(String.valueOf(key), value));
		return evaluation.evaluate(new EvaluateEvent(input.sourceKind().value(), input.sourceId(), fields));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	StoreInfo ruleStore() {
		return rules.store();
	}

	@QueryMapping
	@RequiresRole(Role.ADMIN)
	RulesViewsVerification verifyRulesViews() {
		return rules.verifyViews();
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	RulePayload upsertRule(@Argument UpsertRuleInput input, GraphQLContext context) {
		return new RulePayload(rules.upsert(new UpsertRule(input.yaml(), CurrentPrincipal.of(context).name())));
	}

	@MutationMapping
	@RequiresRole(Role.AUTHOR)
	DeleteRulePayload deleteRule(@Argument String ruleId, GraphQLContext context) {
		rules.delete(ruleId, CurrentPrincipal.of(context).name());
		return new DeleteRulePayload(ruleId);
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	RulePayload setRuleState(@Argument SetRuleStateInput input, GraphQLContext context) {
		return new RulePayload(rules.setState(new SetRuleState(input.ruleId(), input.state(), input.confidenceMax(),
				input.expiresAt() == null ? null : input.expiresAt().toInstant(), input.reason(),
				CurrentPrincipal.of(context).name())));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	RulePayload clearRuleState(@Argument String ruleId, GraphQLContext context) {
		return new RulePayload(rules.clearState(ruleId, CurrentPrincipal.of(context).name()));
	}

	@SubscriptionMapping
	@RequiresRole(Role.VIEWER)
	Flux<RuleChange> ruleChanges(@Argument @Nullable Long after) {
		return this.<LogEntry>entries(after).mapNotNull(entry -> RulesEvents.change(entry).orElse(null));
	}

	@SubscriptionMapping
	@RequiresRole(Role.VIEWER)
	Flux<LogEntry> rulesEvents(@Argument @Nullable Long after) {
		return entries(after);
	}

	@SchemaMapping(typeName = "RulesEvent", field = "payloadCbor")
	String payloadCbor(LogEntry entry) {
		return Base64.getEncoder().encodeToString(entry.payloadCbor());
	}

	private <E> Flux<E> entries(@Nullable Long after) {
		if (after != null && after < 0) {
			throw new InvalidArgumentError("after must not be negative");
		}
		return events.stream("rules", after);
	}

	/** A rule that fails validation: {@code RULE_INVALID} with every problem in {@code extensions.problems}. */
	@GraphQlExceptionHandler
	GraphQLError refused(RulesException ex, DataFetchingEnvironment environment) {
		ErrorType type = switch (ex.code().kind()) {
			case NOT_FOUND -> ErrorType.NOT_FOUND;
			case INTERNAL -> ErrorType.INTERNAL_ERROR;
			default -> ErrorType.BAD_REQUEST;
		};
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ex.code().code());
		extensions.put("classification", type.toString());
		if (!ex.problems().isEmpty()) {
			extensions.put("problems", ex.problems());
		}
		return GraphqlErrorBuilder.newError(environment)
			.errorType(type)
			.message(ex.getMessage())
			.extensions(extensions)
			.build();
	}

	record RuleFilterInput(@Nullable SourceKind sourceKind, @Nullable RuleStateKind state, @Nullable Boolean external) {
	}

	record UpsertRuleInput(String yaml) {
	}

	record SetRuleStateInput(String ruleId, RuleStateKind state, @Nullable Double confidenceMax,
			@Nullable OffsetDateTime expiresAt, @Nullable String reason) {
	}

	record EvaluateEventInput(SourceKind sourceKind, @Nullable String sourceId, Object payload) {
	}

	record RulePayload(RuleView rule) {
	}

	record DeleteRulePayload(String ruleId) {
	}
}
