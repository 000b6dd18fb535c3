package dev.steward.app.graphql.policy;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import dev.steward.kernel.Page;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.ArtifactImportSummary;
import dev.steward.policy.PublishFacade.ImportPolicyArtifact;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.PublishFacade.PublishScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(PublishGraphQlController.class)
@GraphQlSlice
class PublishGraphQlControllerTests {

	private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private PublishFacade publishing;

	@Test
	void readsARunWithItsIdAndArtifactUrl() {
		given(publishing.find(7)).willReturn(Optional.of(run(7)));

		var response = callers.as("vera", Role.VIEWER).documentName("publishRun").variable("id", " 7 ").execute();

		response.path("publishRun.id").entity(String.class).isEqualTo("7");
		response.path("publishRun.publishRunId").entity(Long.class).isEqualTo(7L);
		response.path("publishRun.worldId").entity(String.class).isEqualTo("earth");
		response.path("publishRun.clientProfile").entity(String.class).isEqualTo("mobile");
		response.path("publishRun.actor").entity(String.class).isEqualTo("otto");
		response.path("publishRun.createdAt").entity(String.class).isEqualTo("2026-11-23T12:00:00.000Z");
		response.path("publishRun.manifest.items").entity(Integer.class).isEqualTo(2);
		response.path("publishRun.manifestHash").entity(String.class).isEqualTo("aa".repeat(32));
		response.path("publishRun.itemsHash").entity(String.class).isEqualTo("bb".repeat(32));
		response.path("publishRun.itemCount").entity(Integer.class).isEqualTo(2);
		response.path("publishRun.artifactUrl").entity(String.class).isEqualTo("/policy/publish-runs/7/artifact");
	}

	@Test
	void answersNullForAnIdThatIsNotANumber() {
		callers.as("vera", Role.VIEWER)
			.documentName("publishRun")
			.variable("id", "seven")
			.execute()
			.path("publishRun")
			.valueIsNull();

		verifyNoInteractions(publishing);
	}

	@Test
	void pagesRunsByIdWithCursorsThatLeadOn() {
		given(publishing.runs("earth", null, null, 2)).willReturn(new Page<>(List.of(run(9), run(8)), false, true));
		given(publishing.runs("earth", null, Map.of("id", 8L), 2)).willReturn(new Page<>(List.of(run(7)), true, false));

		var first = callers.as("vera", Role.VIEWER)
			.documentName("publishRuns")
			.variable("worldId", "earth")
			.variable("first", 2)
			.execute();

		first.path("publishRuns.edges[*].node.id").entityList(String.class).containsExactly("9", "8");
		first.path("publishRuns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("publishRuns.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		String endCursor = first.path("publishRuns.pageInfo.endCursor").entity(String.class).get();
		first.path("publishRuns.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

		var second = callers.as("vera", Role.VIEWER)
			.documentName("publishRuns")
			.variable("worldId", "earth")
			.variable("first", 2)
			.variable("after", endCursor)
			.execute();

		second.path("publishRuns.edges[*].node.artifactUrl")
			.entityList(String.class)
			.containsExactly("/policy/publish-runs/7/artifact");
		second.path("publishRuns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("publishRuns.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void asksForTwentyRunsOfTheGivenProfileWhenFirstIsNotGiven() {
		given(publishing.runs("earth", "mobile", null, 20)).willReturn(new Page<>(List.of(), false, false));

		callers.as("vera", Role.VIEWER)
			.documentName("publishRuns")
			.variable("worldId", "earth")
			.variable("clientProfile", "mobile")
			.execute()
			.path("publishRuns.edges")
			.entityList(Object.class)
			.hasSize(0);

		verify(publishing).runs("earth", "mobile", null, 20);
	}

	@Test
	void publishesTheWorldScopeAsTheCallingOperatorWithItsIdempotencyKey() {
		given(publishing.publish(any())).willReturn(run(10));

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("publishScope")
			.variable("input", Map.of("worldId", "earth", "idempotencyKey", "publish-1"))
			.execute();

		verify(publishing).publish(new PublishScope("earth", "", "otto", "publish-1"));
		response.path("publishScope.run.id").entity(String.class).isEqualTo("10");
		response.path("publishScope.run.actor").entity(String.class).isEqualTo("otto");
		response.path("publishScope.manifest.items").entity(Integer.class).isEqualTo(2);
		response.path("publishScope.manifestHash").entity(String.class).isEqualTo("aa".repeat(32));
		response.path("publishScope.itemCount").entity(Integer.class).isEqualTo(2);
		response.path("publishScope.artifactUrl").entity(String.class).isEqualTo("/policy/publish-runs/10/artifact");
	}

	@Test
	void refusesAnAuthorPublishingAsForbidden() {
		callers.as("ada", Role.AUTHOR)
			.documentName("publishScope")
			.variable("input", Map.of("worldId", "earth"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "publishScope", "This needs the operator role; ada has author"));

		verifyNoInteractions(publishing);
	}

	@Test
	void turnsAMissingReferenceIntoItsCode() {
		given(publishing.publish(any())).willThrow(new PolicyException(
				PolicyErrorCode.POLICY_PUBLISH_REFERENCE_MISSING, "The manifest names tone:x:y, which is not active"));

		callers.as("otto", Role.OPERATOR)
			.documentName("publishScope")
			.variable("input", Map.of("worldId", "earth"))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_PUBLISH_REFERENCE_MISSING", "publishScope",
					"The manifest names tone:x:y, which is not active"));
	}

	@Test
	void importsAnArtifactActivatingByDefault() {
		given(publishing.importArtifact(any())).willReturn(summary());

		var response = callers.as("otto", Role.OPERATOR)
			.documentName("importPolicyArtifact")
			.variable("input", Map.of("artifact", Map.of("format", "steward"), "worldId", "mars"))
			.execute();

		verify(publishing).importArtifact(new ImportPolicyArtifact(Map.of("format", "steward"), true, "mars", null,
				"otto"));
		response.path("importPolicyArtifact.worldId").entity(String.class).isEqualTo("mars");
		response.path("importPolicyArtifact.importedCount").entity(Integer.class).isEqualTo(1);
		response.path("importPolicyArtifact.errorCount").entity(Integer.class).isEqualTo(1);
		response.path("importPolicyArtifact.entries[*].action")
			.entityList(String.class)
			.containsExactly("IMPORTED", "ERROR");
		response.path("importPolicyArtifact.entries[1].detail").entity(String.class).isEqualTo("content is invalid");
		response.path("importPolicyArtifact.artifactHash").valueIsNull();
	}

	@Test
	void importsWithoutActivatingWhenAskedNotTo() {
		given(publishing.importArtifact(any())).willReturn(summary());

		callers.as("otto", Role.OPERATOR)
			.documentName("importPolicyArtifact")
			.variable("input", Map.of("artifact", Map.of(), "activate", false, "clientProfile", "mobile"))
			.execute()
			.path("importPolicyArtifact.itemCount")
			.entity(Integer.class)
			.isEqualTo(2);

		verify(publishing).importArtifact(new ImportPolicyArtifact(Map.of(), false, null, "mobile", "otto"));
	}

	@Test
	void turnsAnArtifactWhoseHashDoesNotMatchIntoItsCode() {
		given(publishing.importArtifact(any())).willThrow(new PolicyException(
				PolicyErrorCode.POLICY_IMPORT_ARTIFACT_HASH_MISMATCH, "The artifact hash does not match its content"));

		callers.as("otto", Role.OPERATOR)
			.documentName("importPolicyArtifact")
			.variable("input", Map.of("artifact", Map.of()))
			.execute()
			.errors()
			.satisfy(onlyError("POLICY_IMPORT_ARTIFACT_HASH_MISMATCH", "importPolicyArtifact",
					"The artifact hash does not match its content"));
	}

	@Test
	void refusesAnImportWithoutATokenAsUnauthenticated() {
		callers.anonymous()
			.documentName("importPolicyArtifact")
			.variable("input", Map.of("artifact", Map.of()))
			.execute()
			.errors()
			.satisfy(onlyError("UNAUTHENTICATED", "importPolicyArtifact"));

		verifyNoInteractions(publishing);
	}

	private static PublishRunView run(long id) {
		return new PublishRunView(id, "earth", "mobile", "otto", Map.of("items", 2), "aa".repeat(32), "bb".repeat(32),
				2, AT);
	}

	private static ArtifactImportSummary summary() {
		return new ArtifactImportSummary("mars", "", true, 2, 1, 0, 0, 1, 1, 0, "aa".repeat(32), "bb".repeat(32),
				null, null,
				List.of(new ArtifactImportSummary.Entry("tone:x:y", "v1", ArtifactImportSummary.Action.IMPORTED, null),
						new ArtifactImportSummary.Entry("tone:x:z", "v1", ArtifactImportSummary.Action.ERROR,
								"content is invalid")));
	}
}
