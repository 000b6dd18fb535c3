package dev.steward.app.graphql.policy;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.Page;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.VariantKey;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldFacade.WorldView;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A page of worlds with their activations and each activation's variant: the activations of every world on the
 * page come from one facade call, and the variants of every activation from one more, whatever their number.
 */
@GraphQlTest({ PolicyGraphQlController.class, PolicyVariantsGraphQlController.class,
		WorldActivationsGraphQlController.class })
@GraphQlSlice
class WorldActivationsGraphQlControllerTests {

	private static final Instant AT = Instant.parse("2026-11-22T09:30:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private WorldFacade worlds;

	@MockitoBean
	private ActivationFacade activations;

	@MockitoBean
	private PolicyFacade policies;

	@MockitoBean
	private EventStreams events;

	@Test
	@SuppressWarnings("unchecked")
	void loadsTheActivationsOfAllWorldsInOneCallAndTheirVariantsInAnother() {
		given(worlds.list(null, 3)).willReturn(new Page<>(List.of(world("earth"), world("mars"), world("venus")),
				false, false));
		given(activations.worldActivations(any())).willReturn(List.of(pointer("earth", "prompt:a:x", "v1"),
				pointer("earth", "prompt:a:y", "v2"), pointer("mars", "prompt:a:x", "v1")));
		given(policies.findAll(any())).willReturn(List.of(variant("prompt:a:x", "v1", "first"),
				variant("prompt:a:y", "v2", "second")));

		var response = callers.as("vera", Role.VIEWER).documentName("worldsWithActivations").variable("first", 3).execute();

		response.path("worlds.edges[0].node.activations[*].policyVariant.id")
			.entityList(String.class)
			.containsExactly("prompt:a:x@v1", "prompt:a:y@v2");
		response.path("worlds.edges[0].node.activations[1].policyVariant.content.text")
			.entity(String.class)
			.isEqualTo("second");
		response.path("worlds.edges[0].node.activations[1].policyVariant.status").entity(String.class).isEqualTo("ACTIVE");
		response.path("worlds.edges[1].node.activations[*].policyVariant.id")
			.entityList(String.class)
			.containsExactly("prompt:a:x@v1");
		response.path("worlds.edges[2].node.activations").entityList(Object.class).hasSize(0);

		ArgumentCaptor<Collection<String>> worldIds = ArgumentCaptor.forClass(Collection.class);
		verify(activations, times(1)).worldActivations(worldIds.capture());
		assertThat(worldIds.getValue()).containsExactly("earth", "mars", "venus");
		ArgumentCaptor<Collection<VariantKey>> keys = ArgumentCaptor.forClass(Collection.class);
		verify(policies, times(1)).findAll(keys.capture());
		assertThat(Set.copyOf(keys.getValue()))
			.containsExactlyInAnyOrder(new VariantKey("prompt:a:x", "v1"), new VariantKey("prompt:a:y", "v2"));
	}

	@Test
	void refusesACallerWithoutATokenAndReadsNothing() {
		callers.anonymous()
			.documentName("worldsWithActivations")
			.variable("first", 3)
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "worlds"));

		verifyNoInteractions(worlds, activations, policies);
	}

	private static WorldView world(String id) {
		return new WorldView(id, id, "", true, Map.of(), AT, "olga", AT, "olga", 1);
	}

	private static ActivationView pointer(String world, String policy, String variant) {
		return new ActivationView(world, "", policy, variant, AT, "otto", 7);
	}

	private static PolicyVariantView variant(String policy, String variant, String text) {
		String[] parts = policy.split(":");
		return new PolicyVariantView(policy, parts[0], parts[1], parts[2], variant, "1.0", 1, "active",
				Map.of("text", text), "0".repeat(64), AT, "ann", 1);
	}
}
