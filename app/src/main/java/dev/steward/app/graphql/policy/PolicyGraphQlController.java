package dev.steward.app.graphql.policy;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.graphql.relay.Subranges;
import dev.steward.kernel.Page;
import org.springframework.graphql.data.query.ScrollSubrange;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.WorldFacade.UpdateWorld;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldFacade.WorldView;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Worlds and the policy event log over GraphQL. Reading needs viewer; changing worlds needs operator. */
@Controller
@RequiresRole(Role.VIEWER)
class PolicyGraphQlController {

	static final int DEFAULT_FIRST = 20;

	private final WorldFacade worlds;

	private final EventStreams events;

	PolicyGraphQlController(WorldFacade worlds, EventStreams events) {
		this.worlds = worlds;
		this.events = events;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable WorldView world(@Argument String id) {
		return worlds.find(id).orElse(null);
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<WorldView> worlds(ScrollSubrange subrange) {
		return worlds.list(Subranges.after(subrange), Subranges.size(subrange, DEFAULT_FIRST));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	WorldPayload createWorld(@Argument CreateWorldInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new WorldPayload(worlds.create(new CreateWorld(input.id(), input.name(), input.description(),
				input.active(), input.config(), actor)));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	WorldPayload updateWorld(@Argument UpdateWorldInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return new WorldPayload(worlds.update(new UpdateWorld(input.id(), input.name(), input.description(),
				input.active(), input.config(), input.expectedVersion(),
				actor)));
	}

	@SubscriptionMapping
	@RequiresRole(Role.VIEWER)
	Flux<LogEntry> policyEvents(@Argument @Nullable Long after) {
		if (after != null && after < 0) {
			throw new InvalidArgumentError("after must not be negative");
		}
		return events.stream("policy", after);
	}

	record CreateWorldInput(String id, String name, String description, boolean active, @Nullable Object config) {
	}

	record UpdateWorldInput(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
			@Nullable Object config, @Nullable Long expectedVersion) {
	}

	record WorldPayload(WorldView world) {
	}

}
