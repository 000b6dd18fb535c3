package dev.steward.app.graphql.policy;

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
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.WorldFacade.UpdateWorld;
import dev.steward.policy.WorldFacade.WorldView;
import java.time.Instant;
import java.util.Base64;
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

@GraphQlTest(PolicyGraphQlController.class)
@GraphQlSlice
class PolicyGraphQlControllerTests {

	private static final Instant CREATED = Instant.parse("2026-11-20T10:15:30Z");

	private static final Instant UPDATED = Instant.parse("2026-11-21T08:00:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private WorldFacade worlds;

	@MockitoBean
	private EventStreams events;

	@Test
	void readsAWorldWithEveryField() {
		given(worlds.find("earth")).willReturn(Optional.of(world("earth", "Earth", 3)));

		var response = callers.as("vera", Role.VIEWER).documentName("world").variable("id", "earth").execute();

		response.path("world.id").entity(String.class).isEqualTo("earth");
		response.path("world.name").entity(String.class).isEqualTo("Earth");
		response.path("world.description").entity(String.class).isEqualTo("The blue one");
		response.path("world.active").entity(Boolean.class).isEqualTo(true);
		response.path("world.config.region").entity(String.class).isEqualTo("eu");
		response.path("world.createdAt").entity(String.class).isEqualTo("2026-11-20T10:15:30.000Z");
		response.path("world.createdBy").entity(String.class).isEqualTo("olga");
		response.path("world.updatedAt").entity(String.class).isEqualTo("2026-11-21T08:00:00.000Z");
		response.path("world.updatedBy").entity(String.class).isEqualTo("otto");
		response.path("world.version").entity(Long.class).isEqualTo(3L);
	}

	@Test
	void answersNullForAWorldThatDoesNotExist() {
		given(worlds.find("atlantis")).willReturn(Optional.empty());

		var response = callers.as("vera", Role.VIEWER).documentName("world").variable("id", "atlantis").execute();

		response.errors().verify().path("world").valueIsNull();
	}

	@Test
	void refusesACallerWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("world")
			.variable("id", "earth")
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "world"))
			.path("world")
			.valueIsNull();

		verifyNoInteractions(worlds);
	}

	@Test
	void pagesWorldsIntoAConnectionWhoseCursorsLeadToTheNextPage() {
		given(worlds.list(null, 2))
			.willReturn(new Page<>(List.of(world("earth", "Earth", 1), world("mars", "Mars", 1)), false, true));
		given(worlds.list(Map.of("id", "mars"), 2))
			.willReturn(new Page<>(List.of(world("venus", "Venus", 1)), true, false));

		var first = callers.as("vera", Role.VIEWER).documentName("worlds").variable("first", 2).execute();

		first.path("worlds.edges[*].node.id").entityList(String.class).containsExactly("earth", "mars");
		first.path("worlds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("worlds.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String endCursor = first.path("worlds.pageInfo.endCursor").entity(String.class).get();
		first.path("worlds.edges[1].cursor").entity(String.class).isEqualTo(endCursor);
		first.path("worlds.pageInfo.startCursor")
			.entity(String.class)
			.satisfies(cursor -> assertThat(cursor).isNotEqualTo(endCursor));
		assertThat(new String(Base64.getUrlDecoder().decode(endCursor))).startsWith("K_").contains("mars");

		var second = callers.as("vera", Role.VIEWER)
			.documentName("worlds")
			.variable("first", 2)
			.variable("after", endCursor)
			.execute();

		second.path("worlds.edges[*].node.id").entityList(String.class).containsExactly("venus");
		second.path("worlds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("worlds.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void asksForTwentyWorldsWhenFirstIsNotGiven() {
		given(worlds.list(null, 20)).willReturn(new Page<>(List.of(), false, false));

		callers.as("vera", Role.VIEWER)
			.documentName("worlds")
			.execute()
			.path("worlds.edges")
			.entityList(Object.class)
			.hasSize(0);

		verify(worlds).list(null, 20);
	}

	@Test
	void refusesACursorThatIsNotOneAsInvalidArgument() {
		callers.as("vera", Role.VIEWER)
			.documentName("worlds")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "worlds"));

		verifyNoInteractions(worlds);
	}

	@Test
	void createsAWorldAsTheCallingOperator() {
		given(worlds.create(any())).willReturn(world("earth", "Earth", 1));

		var response = callers.as("olga", Role.OPERATOR)
			.documentName("createWorld")
			.variable("input", Map.of("id", "earth", "name", "Earth", "description", "The blue one", "active", false,
					"config", Map.of("region", "eu")))
			.execute();

		verify(worlds).create(new CreateWorld("earth", "Earth", "The blue one", false, Map.of("region", "eu"), "olga"));
		response.path("createWorld.world.id").entity(String.class).isEqualTo("earth");
		response.path("createWorld.world.createdBy").entity(String.class).isEqualTo("olga");
		response.path("createWorld.world.version").entity(Long.class).isEqualTo(1L);
	}

	@Test
	void createsAWorldWithTheSchemaDefaultsWhenOnlyIdAndNameAreGiven() {
		given(worlds.create(any())).willReturn(world("earth", "Earth", 1));

		callers.as("olga", Role.OPERATOR)
			.documentName("createWorld")
			.variable("input", Map.of("id", "earth", "name", "Earth"))
			.execute()
			.path("createWorld.world.id")
			.entity(String.class)
			.isEqualTo("earth");

		verify(worlds).create(new CreateWorld("earth", "Earth", "", true, Map.of(), "olga"));
	}

	@Test
	void leavesAConfigThatIsNotAJsonObjectToTheContextAndServesItsRefusal() {
		given(worlds.create(new CreateWorld("earth", "Earth", "", true, List.of(1, 2), "olga")))
			.willThrow(new CodedException(KernelErrorCode.INVALID_ARGUMENT, "config must be a JSON object"));

		callers.as("olga", Role.OPERATOR)
			.documentName("createWorld")
			.variable("input", Map.of("id", "earth", "name", "Earth", "config", List.of(1, 2)))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "createWorld", "config must be a JSON object"));
	}

	@Test
	void refusesAnAuthorCreatingAWorldAsForbidden() {
		callers.as("ada", Role.AUTHOR)
			.documentName("createWorld")
			.variable("input", Map.of("id", "earth", "name", "Earth"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "createWorld", "This needs the operator role; ada has author"));

		verifyNoInteractions(worlds);
	}

	@Test
	void turnsAWorldThatExistsIntoItsCode() {
		given(worlds.create(any()))
			.willThrow(new PolicyException(PolicyErrorCode.POLICY_WORLD_EXISTS, "World earth exists"));

		callers.as("olga", Role.OPERATOR)
			.documentName("createWorld")
			.variable("input", Map.of("id", "earth", "name", "Earth"))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_WORLD_EXISTS", "createWorld", "World earth exists")
				.andThen(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "CONFLICT")));
	}

	@Test
	void updatesAWorldKeepingWhatIsNotGiven() {
		given(worlds.update(any())).willReturn(world("earth", "Terra", 4));

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("updateWorld")
			.variable("input", Map.of("id", "earth", "name", "Terra", "expectedVersion", 3))
			.execute();

		verify(worlds).update(new UpdateWorld("earth", "Terra", null, null, null, 3L, "otto"));
		response.path("updateWorld.world.name").entity(String.class).isEqualTo("Terra");
		response.path("updateWorld.world.version").entity(Long.class).isEqualTo(4L);
	}

	@Test
	void turnsAStaleExpectedVersionIntoConflict() {
		given(worlds.update(any())).willThrow(new PolicyException(PolicyErrorCode.CONFLICT, "earth is at version 4"));

		callers.as("otto", Role.OPERATOR)
			.documentName("updateWorld")
			.variable("input", Map.of("id", "earth", "expectedVersion", 3))
			.execute()
			.errors()
			.satisfy(onlyError("CONFLICT", "updateWorld", "earth is at version 4"));
	}

	@Test
	void streamsThePolicyLogAfterTheGivenSequence() {
		given(events.<LogEntry>stream("policy", 41L)).willReturn(Flux.just(entry(42, "v1.world.created"),
				entry(43, "v1.world.updated")));

		Flux<Long> sequences = callers.as("vera", Role.VIEWER)
			.documentName("policyEvents")
			.variable("after", 41)
			.executeSubscription()
			.toFlux("policyEvents.sequence", Long.class);

		StepVerifier.create(sequences).expectNext(42L, 43L).verifyComplete();
	}

	@Test
	void refusesANegativeAfterAsInvalidArgument() {
		StepVerifier.create(callers.as("vera", Role.VIEWER)
			.documentName("policyEvents")
			.variable("after", -1)
			.executeSubscription()
			.toFlux())
			.expectErrorSatisfies(subscriptionRefused("INVALID_ARGUMENT"))
			.verify();

		verifyNoInteractions(events);
	}

	@Test
	void refusesASubscriptionWithoutATokenAsUnauthenticated() {
		StepVerifier.create(callers.anonymous().documentName("policyEvents").executeSubscription().toFlux())
			.expectErrorSatisfies(subscriptionRefused("UNAUTHENTICATED"))
			.verify();

		verifyNoInteractions(events);
	}

	private static WorldView world(String id, String name, long version) {
		return new WorldView(id, name, "The blue one", true, Map.of("region", "eu"), CREATED, "olga", UPDATED, "otto",
				version);
	}

	private static LogEntry entry(long sequence, String type) {
		return new LogEntry("policy", sequence, UUID.nameUUIDFromBytes(type.getBytes()), type, "world", "earth",
				"olga", new byte[] { (byte) 0xa1, 0x61, 0x61, 0x01 }, "d".repeat(64), "c".repeat(64), CREATED, null);
	}
}
