package dev.steward.app.graphql.events;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.events.ChainVerification;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.kernel.events.LogHead;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@GraphQlTest(EventLogGraphQlController.class)
@GraphQlSlice
@Import(EventLogGraphQlControllerTests.PolicyEvents.class)
class EventLogGraphQlControllerTests {

	private static final byte[] CBOR = { (byte) 0xa1, 0x61, 0x61, 0x01 };

	private static final LogHead RULES_HEAD = new LogHead("rules", 12, "ab".repeat(32));

	@Autowired
	private SliceCallers callers;

	@Autowired
	private EventLog rulesLog;

	@Test
	void listsTheLogsOfEveryContextByName() {
		callers.as("vera", Role.VIEWER)
			.documentName("eventLogs")
			.execute()
			.path("eventLogs")
			.entityList(String.class)
			.containsExactly("policy", "rules");
	}

	@Test
	void readsTheHeadOfTheNamedLog() {
		given(rulesLog.chainHead()).willReturn(RULES_HEAD);

		var response = callers.as("vera", Role.VIEWER)
			.documentName("eventLogHead")
			.variable("context", "rules")
			.execute();

		response.path("eventLogHead.context").entity(String.class).isEqualTo("rules");
		response.path("eventLogHead.sequence").entity(Long.class).isEqualTo(12L);
		response.path("eventLogHead.chainHash").entity(String.class).isEqualTo("ab".repeat(32));
	}

	@Test
	void refusesALogThatIsNotThereNamingTheLogsThatAre() {
		callers.as("vera", Role.VIEWER)
			.documentName("eventLogHead")
			.variable("context", "billing")
			.execute()
			.errors()
			.satisfy(onlyError("EVENT_LOG_NOT_FOUND", "eventLogHead",
					"There is no event log billing; the logs are policy, rules"));
	}

	@Test
	void reportsWhereAVerifiedChainBreaks() {
		given(rulesLog.verify()).willReturn(
				new ChainVerification("rules", false, 7, 8L, "the chain hash of 8 does not follow from 7", RULES_HEAD));

		var response = callers.as("root", Role.ADMIN)
			.documentName("verifyEventLog")
			.variable("context", "rules")
			.execute();

		response.path("verifyEventLog.intact").entity(Boolean.class).isEqualTo(false);
		response.path("verifyEventLog.checked").entity(Long.class).isEqualTo(7L);
		response.path("verifyEventLog.firstBrokenSequence").entity(Long.class).isEqualTo(8L);
		response.path("verifyEventLog.problem")
			.entity(String.class)
			.isEqualTo("the chain hash of 8 does not follow from 7");
		response.path("verifyEventLog.head.sequence").entity(Long.class).isEqualTo(12L);
	}

	@Test
	void refusesAnOperatorVerifyingALogAsForbidden() {
		callers.as("otto", Role.OPERATOR)
			.documentName("verifyEventLog")
			.variable("context", "rules")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "verifyEventLog", "This needs the admin role; otto has operator"));

		verify(rulesLog, never()).verify();
	}

	@Test
	void refusesACallerWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("eventLogHead")
			.variable("context", "rules")
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "eventLogHead"));

		verify(rulesLog, never()).chainHead();
	}

	@Test
	void servesAnEventsStoredPayloadBytesAsBase64() {
		Flux<String> payloads = callers.as("vera", Role.VIEWER)
			.documentName("policyEvents")
			.executeSubscription()
			.toFlux("policyEvents.payloadCbor", String.class);

		StepVerifier.create(payloads).expectNext(Base64.getEncoder().encodeToString(CBOR)).verifyComplete();
	}

	/** One event of the policy log, where the policy controller would stream it from. */
	@Controller
	static class PolicyEvents {

		@SubscriptionMapping
		Flux<LogEntry> policyEvents(@Argument @Nullable Long after) {
			return Flux.just(new LogEntry("policy", 1, UUID.randomUUID(), "v1.world.created", "world", "earth", "olga",
					CBOR, "d".repeat(64), "c".repeat(64), Instant.parse("2026-11-25T14:03:00Z"), null));
		}
	}

	/** Two logs, as the contexts publish them: the controller finds them by their names. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Logs {

		@Bean
		EventLog rulesLog() {
			return log("rules");
		}

		@Bean
		EventLog policyLog() {
			return log("policy");
		}

		private static EventLog log(String context) {
			EventLog log = mock(EventLog.class);
			given(log.context()).willReturn(context);
			return log;
		}
	}
}
