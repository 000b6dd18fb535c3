package dev.steward.app.graphql.events;

import dev.steward.app.events.EventActivity;
import dev.steward.app.events.EventActivity.MinuteCount;
import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import graphql.schema.GraphQLObjectType;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Controller;

/**
 * The event logs as one list: each context whose log Steward tails and whose {@code <context>Events}
 * subscription the schema offers (a context's log joins the list as soon as its subscription does). A client drives its tail views from this list, so a new context needs no new
 * client code.
 */
@Controller
@RequiresRole(Role.VIEWER)
class EventTailsGraphQlController {

	static final int MAX_MINUTES = 24 * 60;

	private final EventActivity activity;

	private final GraphQlSource graphQlSource;

	private final Clock clock = Clock.systemUTC();

	EventTailsGraphQlController(EventActivity activity, GraphQlSource graphQlSource) {
		this.activity = activity;
		this.graphQlSource = graphQlSource;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<EventTailSummary> eventTails(@Argument @Nullable Integer minutes) {
		int window = minutes == null ? 60 : minutes;
		if (window < 1 || window > MAX_MINUTES) {
			throw new InvalidArgumentError("minutes must be between 1 and " + MAX_MINUTES);
		}
		GraphQLObjectType subscriptions = graphQlSource.schema().getSubscriptionType();
		return activity
			.summaries(window, clock.instant(),
					tail -> subscriptions != null && subscriptions.getFieldDefinition(subscriptionOf(tail)) != null)
			.stream()
			.map(summary -> new EventTailSummary(summary.context(), subscriptionOf(summary.context()), summary.head(),
					summary.activity()))
			.toList();
	}

	/** The subscription that streams a context's log: {@code policyEvents}, {@code rulesEvents}, … */
	static String subscriptionOf(String context) {
		return context + "Events";
	}

	record EventTailSummary(String context, String subscription, long head, List<MinuteCount> activity) {
	}
}
