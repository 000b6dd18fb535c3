package dev.steward.app.graphql.retention;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.events.EventStreams;
import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.Page;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionClassFacade;
import dev.steward.retention.RetentionClassFacade.CreateRetentionClass;
import dev.steward.retention.RetentionClassFacade.RetentionClassView;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionException;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.ApplyHold;
import dev.steward.retention.RetentionFacade.ExtendRetention;
import dev.steward.retention.RetentionFacade.HoldApplied;
import dev.steward.retention.RetentionFacade.HoldView;
import dev.steward.retention.RetentionFacade.PurgeEligible;
import dev.steward.retention.RetentionFacade.PurgeOutcome;
import dev.steward.retention.RetentionFacade.PurgeReport;
import dev.steward.retention.RetentionFacade.RetentionEventView;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification;
import dev.steward.retention.RetentionFacade.SweepReport;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(RetentionGraphQlController.class)
@GraphQlSlice
class RetentionGraphQlControllerTests {

	static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

	static final Instant EXPIRES = Instant.parse("2026-11-08T10:00:00Z");

	static final String PACKAGE = "0b9c2f4e-8a1d-4c51-9a57-0c9f1e6b2d11";

	static final UUID HOLD = UUID.fromString("6f1f5d0e-3c2b-4a8e-9d7f-1a2b3c4d5e6f");

	@Autowired
	SliceCallers callers;

	@MockitoBean
	RetentionFacade retention;

	@MockitoBean
	RetentionClassFacade classes;

	@MockitoBean
	EventStreams events;

	@Test
	void aViewerReadsAPackagesRetentionWithItsHolds() {
		given(retention.find(SubjectRef.of("package", PACKAGE))).willReturn(Optional.of(held()));

		var response = callers.as("vera", Role.VIEWER).documentName("retention").variable("id", PACKAGE).execute();

		response.path("retention.id").entity(String.class).isEqualTo("package:" + PACKAGE);
		response.path("retention.retentionClass").entity(String.class).isEqualTo("standard");
		response.path("retention.mode").entity(String.class).isEqualTo("GOVERNANCE");
		response.path("retention.deletionStrategy").entity(String.class).isEqualTo("PURGE");
		response.path("retention.expiresAt").entity(String.class).isEqualTo("2026-11-08T10:00:00.000Z");
		response.path("retention.held").entity(Boolean.class).isEqualTo(true);
		response.path("retention.activeHolds[0].holdId").entity(String.class).isEqualTo(HOLD.toString());
		response.path("retention.activeHolds[0].reason").entity(String.class).isEqualTo("litigation");
	}

	@Test
	void answersNullForASubjectNoRetentionGoverns() {
		given(retention.find(any())).willReturn(Optional.empty());

		callers.as("vera", Role.VIEWER)
			.documentName("retention")
			.variable("id", "nothing")
			.variable("kind", "publish_run")
			.execute()
			.path("retention")
			.valueIsNull();
	}

	@Test
	void answersNullForAKindNoSubjectCanHave() {
		callers.as("vera", Role.VIEWER)
			.documentName("retention")
			.variable("id", PACKAGE)
			.variable("kind", "Not A Kind")
			.execute()
			.path("retention")
			.valueIsNull();

		verifyNoInteractions(retention);
	}

	@Test
	void listsTheClasses() {
		given(classes.classes()).willReturn(List.of(new RetentionClassView("permanent", null, DeletionStrategy.MANUAL,
				RetentionMode.GOVERNANCE, "forever", CREATED, "steward", CREATED, "steward", 0)));

		var response = callers.as("vera", Role.VIEWER).documentName("retentionClasses").execute();

		response.path("retentionClasses[0].id").entity(String.class).isEqualTo("permanent");
		response.path("retentionClasses[0].defaultDurationSeconds").valueIsNull();
		response.path("retentionClasses[0].deletionStrategy").entity(String.class).isEqualTo("MANUAL");
	}

	@Test
	void anOperatorExtendsAsTheAuthenticatedPrincipal() {
		Instant later = Instant.parse("2026-12-01T00:00:00Z");
		given(retention.extend(any())).willReturn(held());

		callers.as("otto", Role.OPERATOR)
			.documentName("extendRetention")
			.variable("input", Map.of("subjectId", PACKAGE, "newExpiresAt", "2026-12-01T00:00:00Z", "reason", "audit"))
			.execute()
			.path("extendRetention.retention.id")
			.entity(String.class)
			.isEqualTo("package:" + PACKAGE);

		verify(retention).extend(new ExtendRetention(SubjectRef.of("package", PACKAGE), later, "audit", "otto"));
	}

	@Test
	void anExtensionThatIsNotLaterReachesTheClientWithItsCode() {
		given(retention.extend(any())).willThrow(new RetentionException(RetentionErrorCode.RETENTION_NOT_EXTENDABLE,
				"The new expiry is not strictly later"));

		callers.as("otto", Role.OPERATOR)
			.documentName("extendRetention")
			.variable("input", Map.of("subjectId", PACKAGE, "newExpiresAt", "2026-11-02T00:00:00Z", "reason", "oops"))
			.execute()
			.errors()
			.satisfy(onlyError("RETENTION_NOT_EXTENDABLE", "extendRetention"));
	}

	@Test
	void aViewerMayNotExtend() {
		callers.as("vera", Role.VIEWER)
			.documentName("extendRetention")
			.variable("input", Map.of("subjectId", PACKAGE, "newExpiresAt", "2026-12-01T00:00:00Z", "reason", "audit"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "extendRetention"));

		verifyNoInteractions(retention);
	}

	@Test
	void anOperatorMayNotShorten() {
		callers.as("otto", Role.OPERATOR)
			.documentName("shortenRetention")
			.variable("input", Map.of("subjectId", PACKAGE, "newExpiresAt", "2026-11-02T00:00:00Z", "reason", "mistake"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "shortenRetention"));

		verifyNoInteractions(retention);
	}

	@Test
	void anAdminCannotShortenComplianceRetention() {
		given(retention.shorten(any())).willThrow(new RetentionException(RetentionErrorCode.RETENTION_COMPLIANCE_LOCKED,
				"compliance mode"));

		callers.as("ada", Role.ADMIN)
			.documentName("shortenRetention")
			.variable("input", Map.of("subjectId", PACKAGE, "newExpiresAt", "2026-11-02T00:00:00Z", "reason", "mistake"))
			.execute()
			.errors()
			.satisfy(onlyError("RETENTION_COMPLIANCE_LOCKED", "shortenRetention"));
	}

	@Test
	void anOperatorAppliesAHoldWithAnIdempotencyKey() {
		given(retention.applyHold(any())).willReturn(new HoldApplied(HOLD, held()));

		callers.as("otto", Role.OPERATOR)
			.documentName("applyHold")
			.variable("input", Map.of("subjectId", PACKAGE, "reason", "litigation", "idempotencyKey", "k-1"))
			.execute()
			.path("applyHold.holdId")
			.entity(String.class)
			.isEqualTo(HOLD.toString());

		verify(retention).applyHold(new ApplyHold(SubjectRef.of("package", PACKAGE), "litigation", "otto", "k-1"));
	}

	@Test
	void onlyAnAdminPurges() {
		given(retention.purgeEligible(any())).willReturn(new PurgeReport(true, 1, 0, List.of(new PurgeOutcome("package",
				PACKAGE, DeletionStrategy.PURGE, PurgeOutcome.Outcome.WOULD_PURGE, null))));

		callers.as("otto", Role.OPERATOR)
			.documentName("purgeEligible")
			.variable("dryRun", true)
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "purgeEligible"));
		callers.as("ada", Role.ADMIN)
			.documentName("purgeEligible")
			.variable("dryRun", true)
			.execute()
			.path("purgeEligible.outcomes[0].outcome")
			.entity(String.class)
			.isEqualTo("WOULD_PURGE");

		verify(retention).purgeEligible(new PurgeEligible(true, 100, "ada"));
	}

	@Test
	void aPurgeLimitOutOfRangeIsAnInvalidArgument() {
		callers.as("ada", Role.ADMIN)
			.documentName("purgeEligible")
			.variable("limit", 100_000)
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "purgeEligible"));
	}

	@Test
	void pagesTheHistoryWithCursorsThatLeadOn() {
		SubjectRef subject = SubjectRef.of("package", PACKAGE);
		given(retention.history(subject, null, 1)).willReturn(new Page<>(List.of(event(7)), false, true));
		given(retention.history(subject, Map.of("sequence", 7L), 1)).willReturn(new Page<>(List.of(event(9)), true, false));

		var first = callers.as("vera", Role.VIEWER)
			.documentName("retentionHistory")
			.variable("id", PACKAGE)
			.variable("first", 1)
			.execute();
		String cursor = first.path("retentionHistory.edges[0].cursor").entity(String.class).get();
		first.path("retentionHistory.edges[0].node.type").entity(String.class).isEqualTo("v1.retention.extended");
		first.path("retentionHistory.edges[0].node.payloadCbor").entity(String.class).isEqualTo("oA==");

		callers.as("vera", Role.VIEWER)
			.documentName("retentionHistory")
			.variable("id", PACKAGE)
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.path("retentionHistory.edges[0].node.sequence")
			.entity(Long.class)
			.isEqualTo(9L);
	}

	@Test
	void onlyAnAdminCreatesAClassAsTheAuthenticatedPrincipal() {
		given(classes.create(any())).willReturn(new RetentionClassView("audit_log", 60L, DeletionStrategy.TOMBSTONE,
				RetentionMode.COMPLIANCE, "", CREATED, "ada", CREATED, "ada", 0));
		Map<String, Object> input = Map.of("name", "audit_log", "defaultDurationSeconds", 60, "deletionStrategy",
				"TOMBSTONE", "mode", "COMPLIANCE");

		callers.as("otto", Role.OPERATOR)
			.documentName("createRetentionClass")
			.variable("input", input)
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "createRetentionClass"));
		callers.as("ada", Role.ADMIN)
			.documentName("createRetentionClass")
			.variable("input", input)
			.execute()
			.path("createRetentionClass.retentionClass.mode")
			.entity(String.class)
			.isEqualTo("COMPLIANCE");

		verify(classes).create(new CreateRetentionClass("audit_log", 60L, DeletionStrategy.TOMBSTONE,
				RetentionMode.COMPLIANCE, "", "ada"));
	}

	@Test
	void onlyAnAdminSweepsAndVerifiesTheViews() {
		given(retention.sweep("ada")).willReturn(new SweepReport(1, List.of(SubjectRef.of("package", PACKAGE)), CREATED));
		given(retention.verifyViews()).willReturn(new RetentionViewsVerification(true, 12, List.of()));

		callers.as("otto", Role.OPERATOR)
			.documentName("sweepRetention")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "sweepRetention"));
		callers.as("otto", Role.OPERATOR)
			.documentName("verifyRetentionViews")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "verifyRetentionViews"));
		callers.as("ada", Role.ADMIN)
			.documentName("sweepRetention")
			.execute()
			.path("sweepRetention.subjects[0].id")
			.entity(String.class)
			.isEqualTo(PACKAGE);
		callers.as("ada", Role.ADMIN)
			.documentName("verifyRetentionViews")
			.execute()
			.path("verifyRetentionViews.replayed")
			.entity(Long.class)
			.isEqualTo(12L);
	}

	static RetentionView held() {
		return new RetentionView("package", PACKAGE, "standard", RetentionMode.GOVERNANCE, DeletionStrategy.PURGE, CREATED,
				EXPIRES, false, List.of(new HoldView(HOLD, "litigation", CREATED, "otto")), false, null, false, null, 2);
	}

	static RetentionEventView event(long sequence) {
		return new RetentionEventView(sequence, UUID.randomUUID(), "v1.retention.extended", "package", PACKAGE, "otto",
				Map.of(), new byte[] { (byte) 0xa0 }, "00".repeat(32), "11".repeat(32), CREATED);
	}
}
