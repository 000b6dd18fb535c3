package dev.steward.app.graphql.security;

import static dev.steward.app.graphql.GraphQlErrorAssertions.onlyError;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.steward.app.graphql.GraphQlSlice;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.ApiTokens.ApiToken;
import dev.steward.app.security.ApiTokens.IssuedToken;
import dev.steward.app.security.Role;
import dev.steward.app.security.SliceCallers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(SecurityGraphQlController.class)
@GraphQlSlice
class SecurityGraphQlControllerTests {

	private static final UUID ID = UUID.fromString("0b6f8f9e-8f1c-4c8e-9d6b-2a7e5f3c1d20");

	private static final Instant CREATED = Instant.parse("2026-11-26T07:45:00Z");

	private static final Instant REVOKED = Instant.parse("2026-11-27T07:45:00Z");

	@Autowired
	private SliceCallers callers;

	@MockitoBean
	private ApiTokens tokens;

	@Test
	void tellsAnyCallerWhoItIs() {
		var response = callers.as("vera", Role.VIEWER).documentName("me").execute();

		response.path("me.name").entity(String.class).isEqualTo("vera");
		response.path("me.role").entity(String.class).isEqualTo("VIEWER");
	}

	@Test
	void refusesMeWithoutATokenAsUnauthenticated() {
		callers.anonymous().documentName("me").execute().errors().satisfy(onlyError("UNAUTHENTICATED", "me"));
	}

	@Test
	void listsTokensWithoutTheirSecrets() {
		given(tokens.list()).willReturn(List.of(token(null, null), token(REVOKED, "root")));

		var response = callers.as("root", Role.ADMIN).documentName("apiTokens").execute();

		response.path("apiTokens[*].id").entityList(String.class).containsExactly(ID.toString(), ID.toString());
		response.path("apiTokens[0].name").entity(String.class).isEqualTo("ci");
		response.path("apiTokens[0].role").entity(String.class).isEqualTo("OPERATOR");
		response.path("apiTokens[0].prefix").entity(String.class).isEqualTo("stw_abcd");
		response.path("apiTokens[0].createdAt").entity(String.class).isEqualTo("2026-11-26T07:45:00.000Z");
		response.path("apiTokens[0].createdBy").entity(String.class).isEqualTo("root");
		response.path("apiTokens[0].revokedAt").valueIsNull();
		response.path("apiTokens[1].revokedAt").entity(String.class).isEqualTo("2026-11-27T07:45:00.000Z");
		response.path("apiTokens[1].revokedBy").entity(String.class).isEqualTo("root");
	}

	@Test
	void refusesAnOperatorListingTokensAsForbidden() {
		callers.as("otto", Role.OPERATOR)
			.documentName("apiTokens")
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "apiTokens", "This needs the admin role; otto has operator"));

		verifyNoInteractions(tokens);
	}

	@Test
	void issuesATokenAsTheCallingAdminAndShowsItsSecretOnce() {
		given(tokens.issue("ci", Role.OPERATOR, "root")).willReturn(new IssuedToken(token(null, null), "stw_secret"));

		var response = callers.as("root", Role.ADMIN)
			.documentName("createApiToken")
			.variable("input", Map.of("name", "ci", "role", "OPERATOR"))
			.execute();

		verify(tokens).issue("ci", Role.OPERATOR, "root");
		response.path("createApiToken.token.id").entity(String.class).isEqualTo(ID.toString());
		response.path("createApiToken.token.role").entity(String.class).isEqualTo("OPERATOR");
		response.path("createApiToken.secret").entity(String.class).isEqualTo("stw_secret");
	}

	@Test
	void refusesABlankTokenNameAsInvalidArgument() {
		callers.as("root", Role.ADMIN)
			.documentName("createApiToken")
			.variable("input", Map.of("name", "   ", "role", "VIEWER"))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "createApiToken", "A token name is 1 to 200 characters"));

		verifyNoInteractions(tokens);
	}

	@Test
	void refusesAnOperatorIssuingATokenAsForbidden() {
		callers.as("otto", Role.OPERATOR)
			.documentName("createApiToken")
			.variable("input", Map.of("name", "ci", "role", "ADMIN"))
			.execute()
			.errors()
			.satisfy(onlyError("FORBIDDEN", "createApiToken", "This needs the admin role; otto has operator"));

		verifyNoInteractions(tokens);
	}

	@Test
	void revokesATokenAsTheCallingAdmin() {
		given(tokens.revoke(ID, "root")).willReturn(Optional.of(token(REVOKED, "root")));

		var response = callers.as("root", Role.ADMIN)
			.documentName("revokeApiToken")
			.variable("input", Map.of("id", ID.toString()))
			.execute();

		verify(tokens).revoke(ID, "root");
		response.path("revokeApiToken.token.id").entity(String.class).isEqualTo(ID.toString());
		response.path("revokeApiToken.token.revokedAt").entity(String.class).isEqualTo("2026-11-27T07:45:00.000Z");
		response.path("revokeApiToken.token.revokedBy").entity(String.class).isEqualTo("root");
	}

	@Test
	void refusesAnIdThatIsNotATokenIdAsInvalidArgument() {
		callers.as("root", Role.ADMIN)
			.documentName("revokeApiToken")
			.variable("input", Map.of("id", "not-a-uuid"))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "revokeApiToken", "id is not a token id"));

		verifyNoInteractions(tokens);
	}

	@Test
	void refusesATokenThatIsNotThereAsInvalidArgument() {
		given(tokens.revoke(any(), any())).willReturn(Optional.empty());

		callers.as("root", Role.ADMIN)
			.documentName("revokeApiToken")
			.variable("input", Map.of("id", ID.toString()))
			.execute()
			.errors()
			.satisfy(onlyError("INVALID_ARGUMENT", "revokeApiToken", "There is no token " + ID));
	}

	private static ApiToken token(Instant revokedAt, String revokedBy) {
		return new ApiToken(ID, "ci", Role.OPERATOR, "stw_abcd", CREATED, "root", revokedAt, revokedBy);
	}
}
