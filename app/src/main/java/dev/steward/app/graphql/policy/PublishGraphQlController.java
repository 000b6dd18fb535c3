package dev.steward.app.graphql.policy;

import dev.steward.app.graphql.relay.Subranges;
import dev.steward.kernel.Page;
import org.springframework.graphql.data.query.ScrollSubrange;
import dev.steward.app.http.policy.PublishArtifactController;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.PublishFacade.ArtifactImportSummary;
import dev.steward.policy.PublishFacade.ImportPolicyArtifact;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.PublishFacade.PublishScope;
import graphql.GraphQLContext;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Publish runs and artifact import over GraphQL: viewers read runs, operators publish and import. The artifact
 * itself is downloaded over plain HTTP, at the run's {@code artifactUrl}.
 */
@Controller
@RequiresRole(Role.VIEWER)
class PublishGraphQlController {

	static final int DEFAULT_FIRST = 20;

	private final PublishFacade publishing;

	PublishGraphQlController(PublishFacade publishing) {
		this.publishing = publishing;
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	@Nullable PublishRunView publishRun(@Argument String id) {
		try {
			return publishing.find(Long.parseLong(id.strip())).orElse(null);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	Page<PublishRunView> publishRuns(@Argument String worldId, @Argument @Nullable String clientProfile,
			ScrollSubrange subrange) {
		return publishing.runs(worldId, clientProfile, Subranges.after(subrange),
				Subranges.size(subrange, DEFAULT_FIRST));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	PublishPayload publishScope(@Argument PublishScopeInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		PublishRunView run = publishing.publish(new PublishScope(input.worldId(),
				Objects.requireNonNullElse(input.clientProfile(), ""), actor, input.idempotencyKey()));
		return new PublishPayload(run, run.manifest(), run.manifestHash(), run.itemCount(), artifactUrl(run));
	}

	@MutationMapping
	@RequiresRole(Role.OPERATOR)
	ArtifactImportSummary importPolicyArtifact(@Argument ImportPolicyArtifactInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		return publishing.importArtifact(new ImportPolicyArtifact(input.artifact(),
				!Boolean.FALSE.equals(input.activate()), input.worldId(), input.clientProfile(), actor));
	}

	@SchemaMapping(typeName = "PublishRun", field = "artifactUrl")
	String artifactUrl(PublishRunView run) {
		return PublishArtifactController.path(run.publishRunId());
	}


	record PublishScopeInput(String worldId, @Nullable String clientProfile, @Nullable String idempotencyKey) {
	}

	record ImportPolicyArtifactInput(@Nullable Object artifact, @Nullable Boolean activate, @Nullable String worldId,
			@Nullable String clientProfile) {
	}

	record PublishPayload(PublishRunView run, Map<String, Object> manifest, String manifestHash, int itemCount,
			String artifactUrl) {
	}

}
