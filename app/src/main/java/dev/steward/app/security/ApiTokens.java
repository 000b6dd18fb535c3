package dev.steward.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API tokens Steward issues: random 256-bit secrets, of which only the SHA-256 is stored. A token is shown
 * once, when it is created, and works until it is revoked.
 */
@Component
public class ApiTokens {

	static final String PREFIX = "stw_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A token was revoked on this instance; other instances hear of it through the events doorbell. */
	public record TokenRevoked(UUID id) {
	}

	/** A token as listed: never its secret. */
	public record ApiToken(UUID id, String name, Role role, String prefix, Instant createdAt, String createdBy,
			@Nullable Instant revokedAt, @Nullable String revokedBy) {
	}

	/** A token just created, with the secret that is shown this once. */
	public record IssuedToken(ApiToken token, String secret) {
	}

	@Transactional
	public IssuedToken issue(String name, Role role, String actor) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("A token needs a name");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO access.api_token (id, name, role, token_hash, token_prefix, created_by)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(id, name.strip(), role.code(), hash(secret), secret.substring(0, 8), actor).update();
		return new IssuedToken(find(id).orElseThrow(), secret);
	}

	/**
	 * Revokes a token; revoking it again changes nothing. Returns the token, or empty when there is none. A
	 * revocation rings the events doorbell ({@code token_revoked:<id>}, delivered at commit), so that every instance
	 * ends the token's running subscriptions.
	 */
	@Transactional
	public Optional<ApiToken> revoke(UUID id, String actor) {
		int revoked = jdbc
			.sql("UPDATE access.api_token SET revoked_at = now(), revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(actor, id)
			.update();
		if (revoked > 0) {
			jdbc.sql("SELECT pg_notify('steward_events', ?)")
				.param(BearerTokens.REVOKED_TOPIC + ":" + id)
				.query((row, index) -> row.getString(1))
				.list();
			events.publishEvent(new TokenRevoked(id));
		}
		return find(id);
	}

	public Optional<ApiToken> find(UUID id) {
		return jdbc.sql("SELECT * FROM access.api_token WHERE id = ?").param(id).query(ApiTokens::token).optional();
	}

	public List<ApiToken> list() {
		return jdbc.sql("SELECT * FROM access.api_token ORDER BY created_at, id").query(ApiTokens::token).list();
	}

	public boolean none() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM access.api_token)").query(Boolean.class).single();
	}

	/** The principal a live token stands for. */
	public Optional<StewardPrincipal> authenticate(String secret) {
		return jdbc.sql("SELECT name, role FROM access.api_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash(secret))
			.query((row, i) -> new StewardPrincipal(row.getString("name"), Role.of(row.getString("role"))))
			.optional();
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApiToken token(java.sql.ResultSet row, int index) throws java.sql.SQLException {
		OffsetDateTime revokedAt = row.getObject("revoked_at", OffsetDateTime.class);
		return new ApiToken(row.getObject("id", UUID.class), row.getString("name"), Role.of(row.getString("role")),
				row.getString("token_prefix"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getString("created_by"), revokedAt == null ? null : revokedAt.toInstant(),
				row.getString("revoked_by"));
	}
}
