package dev.steward.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer token into a principal: the bootstrap token from configuration, an API token Steward issued, or
 * (when an OIDC issuer is configured) a JWT whose roles claim names a Steward role.
 */
@Component
public class BearerTokens {

	static final String BOOTSTRAP_PRINCIPAL = "bootstrap";

	/** The WebSocket session attribute that holds the token a graphql-ws connection authenticated with. */
	public static final String SESSION_ATTRIBUTE = "dev.steward.app.security.token";

	/** The doorbell topic a revocation rings on every instance: {@code token_revoked:<id>}. */
	public static final String REVOKED_TOPIC = "token_revoked";

	private final ApiTokens apiTokens;

	private final ObjectProvider<JwtDecoder> jwtDecoder;

	private final String bootstrapToken;

	private final String rolesClaim;

	private final String nameClaim;

	BearerTokens(ApiTokens apiTokens, ObjectProvider<JwtDecoder> jwtDecoder,
			@Value("${steward.security.bootstrap-token:}") String bootstrapToken,
			@Value("${steward.security.jwt.roles-claim:roles}") String rolesClaim,
			@Value("${steward.security.jwt.name-claim:sub}") String nameClaim) {
		this.apiTokens = apiTokens;
		this.jwtDecoder = jwtDecoder;
		this.bootstrapToken = bootstrapToken.strip();
		this.rolesClaim = rolesClaim;
		this.nameClaim = nameClaim;
	}

	public Optional<StewardPrincipal> authenticate(String token) {
		return authenticate(token, false);
	}

	/**
	 * The bearer token of a graphql-ws {@code connection_init} payload: {@code {"Authorization": "Bearer <token>"}},
	 * {@code {"token": "<token>"}} (or {@code authToken}), also inside {@code headers}.
	 */
	public static Optional<String> inConnectionInit(Map<String, Object> payload) {
		for (String key : new String[] { "Authorization", "authorization", "token", "authToken" }) {
			if (payload.get(key) instanceof String value && !value.isBlank()) {
				String token = value.strip();
				return Optional.of(token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7) : token);
			}
		}
		if (payload.get("headers") instanceof Map<?, ?> headers) {
			@SuppressWarnings("unchecked")
			Map<String, Object> nested = (Map<String, Object>) headers;
			return inConnectionInit(nested);
		}
		return Optional.empty();
	}

	/**
	 * As {@link #authenticate(String)}, but an API token's row is read now even when the token is remembered: for
	 * the checks of a long-lived connection, which must refuse a token revoked since, bell or no bell.
	 */
	public Optional<StewardPrincipal> authenticateNow(String token) {
		return authenticate(token, true);
	}

	private Optional<StewardPrincipal> authenticate(String token, boolean now) {
		String candidate = token.strip();
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		if (!bootstrapToken.isEmpty() && MessageDigest.isEqual(bootstrapToken.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8))) {
			return Optional.of(new StewardPrincipal(BOOTSTRAP_PRINCIPAL, Role.ADMIN));
		}
		if (candidate.startsWith(ApiTokens.PREFIX)) {
			return now ? apiTokens.authenticateNow(candidate) : apiTokens.authenticate(candidate);
		}
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		if (decoder != null && candidate.chars().filter(c -> c == '.').count() == 2) {
			return fromJwt(decoder, candidate);
		}
		return Optional.empty();
	}

	public boolean bootstrapConfigured() {
		return !bootstrapToken.isEmpty();
	}

	private Optional<StewardPrincipal> fromJwt(JwtDecoder decoder, String token) {
		try {
			Jwt jwt = decoder.decode(token);
			String name = jwt.getClaimAsString(nameClaim);
			Optional<Role> role = rolesOf(jwt).stream()
				.flatMap(code -> {
					try {
						return java.util.stream.Stream.of(Role.of(code));
					}
					catch (IllegalArgumentException ex) {
						return java.util.stream.Stream.empty();
					}
				})
				.max(Enum::compareTo);
			if (name == null || name.isBlank() || role.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new StewardPrincipal(name, role.get()));
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	private List<String> rolesOf(Jwt jwt) {
		Object claim = jwt.getClaim(rolesClaim);
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value) {
			return List.of(value.split("[ ,]+"));
		}
		return List.of();
	}
}
