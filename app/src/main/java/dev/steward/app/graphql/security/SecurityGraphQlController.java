package dev.steward.app.graphql.security;

import dev.steward.app.graphql.errors.InvalidArgumentError;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.ApiTokens.ApiToken;
import dev.steward.app.security.AnyAuthenticatedCaller;
import dev.steward.app.security.CurrentPrincipal;
import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.app.security.StewardPrincipal;
import graphql.GraphQLContext;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** API tokens (admin) and the caller's own identity (anyone authenticated). */
@Controller
@RequiresRole(Role.ADMIN)
class SecurityGraphQlController {

	private final ApiTokens tokens;

	SecurityGraphQlController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@QueryMapping
	@AnyAuthenticatedCaller
	StewardPrincipal me(GraphQLContext context) {
		return CurrentPrincipal.of(context);
	}

	@QueryMapping
	@RequiresRole(Role.ADMIN)
	List<ApiToken> apiTokens() {
		return tokens.list();
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	CreateApiTokenPayload createApiToken(@Argument CreateApiTokenInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		if (input.name().isBlank() || input.name().length() > 200) {
			throw new InvalidArgumentError("A token name is 1 to 200 characters");
		}
		ApiTokens.IssuedToken issued = tokens.issue(input.name(), input.role(), actor);
		return new CreateApiTokenPayload(issued.token(), issued.secret());
	}

	@MutationMapping
	@RequiresRole(Role.ADMIN)
	RevokeApiTokenPayload revokeApiToken(@Argument RevokeApiTokenInput input, GraphQLContext context) {
		String actor = CurrentPrincipal.of(context).name();
		UUID id;
		try {
			id = UUID.fromString(input.id());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentError("id is not a token id");
		}
		return new RevokeApiTokenPayload(
				tokens.revoke(id, actor).orElseThrow(() -> new InvalidArgumentError("There is no token " + id)));
	}

	record CreateApiTokenInput(String name, Role role) {
	}

	record CreateApiTokenPayload(ApiToken token, String secret) {
	}

	record RevokeApiTokenInput(String id) {
	}

	record RevokeApiTokenPayload(ApiToken token) {
	}
}
