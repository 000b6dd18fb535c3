package dev.steward.app.graphql.events;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventActivity;
import dev.steward.app.events.EventActivity.MinuteCount;
import dev.steward.app.events.EventActivity.TailSummary;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(EventTailsGraphQlController.class)
@GraphQlSlice
class EventTailsGraphQlControllerTests {

	private static final Instant MINUTE = Instant.parse("2026-11-25T14:03:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private EventActivity activity;

	@Test
	void summarisesEachTailWithTheSubscriptionThatStreamsIt() {
		given(activity.summaries(eq(2), any(), any())).willReturn(List.of(new TailSummary("policy", 40,
				List.of(new MinuteCount(MINUTE, 3), new MinuteCount(MINUTE.plusSeconds(60), 0)))));

		var response = callers.as("vera", Role.VIEWER).documentName("eventTails").variable("minutes", 2).execute();

		response.path("eventTails[0].context").entity(String.class).isEqualTo("policy");
		response.path("eventTails[0].subscription").entity(String.class).isEqualTo("policyEvents");
		response.path("eventTails[0].head").entity(Long.class).isEqualTo(40L);
		response.path("eventTails[0].activity[*].events").entityList(Integer.class).containsExactly(3, 0);
		response.path("eventTails[0].activity[0].minute").entity(String.class).isEqualTo("2026-11-25T14:03:00.000Z");
	}

	@Test
	void wantsOnlyTheTailsWhoseSubscriptionTheSchemaOffers() {
		given(activity.summaries(eq(60), any(), any())).willReturn(List.of());

		callers.as("vera", Role.VIEWER)
			.documentName("eventTails")
			.execute()
			.path("eventTails")
			.entityList(Object.class)
			.hasSize(0);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Predicate<String>> wanted = ArgumentCaptor.forClass(Predicate.class);
		verify(activity).summaries(eq(60), any(), wanted.capture());
		assertThat(wanted.getValue().test("policy")).isTrue();
		assertThat(wanted.getValue().test("billing")).isFalse();
	}

	@Test
	void readsTheWindowUpToNow() {
		given(activity.summaries(eq(60), any(), any())).willReturn(List.of());
		Instant before = Instant.now();

		callers.as("vera", Role.VIEWER)
			.documentName("eventTails")
			.execute()
			.path("eventTails")
			.entityList(Object.class)
			.hasSize(0);

		ArgumentCaptor<Instant> now = ArgumentCaptor.forClass(Instant.class);
		verify(activity).summaries(eq(60), now.capture(), any());
		assertThat(now.getValue()).isBetween(before, Instant.now());
	}

	@Test
	void refusesAWindowLongerThanADayAsInvalidArgument() {
		callers.as("vera", Role.VIEWER)
			.documentName("eventTails")
			.variable("minutes", 1441)
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "eventTails", "minutes must be between 1 and 1440"));

		verifyNoInteractions(activity);
	}

	@Test
	void refusesAnEmptyWindowAsInvalidArgument() {
		callers.as("vera", Role.VIEWER)
			.documentName("eventTails")
			.variable("minutes", 0)
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "eventTails", "minutes must be between 1 and 1440"));

		verifyNoInteractions(activity);
	}

	@Test
	void refusesACallerWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("eventTails")
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "eventTails"));

		verifyNoInteractions(activity);
	}
}
