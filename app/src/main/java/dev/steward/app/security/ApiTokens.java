package dev.steward.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The API tokens Steward issues: random 256-bit secrets, of which only the SHA-256 is stored. A token is shown
 * once, when it is created, and works until it is revoked.
 * <p>
 * A token found live is remembered for {@code steward.security.token-cache.ttl} (10 s by default; 0 remembers
 * none), so that a client's requests do not each read its row. A revocation still stops the token at once on
 * every instance: it rings the doorbell, and each instance forgets the token when it hears the bell (the revoking
 * one already at commit). Tokens are remembered only while the doorbell connection listens; when it drops, every
 * remembered token is forgotten and rows are read again until it listens anew.
 */
@Component
public class ApiTokens {

	static final String PREFIX = "stw_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Cache<String, Live> live;

	private final AtomicLong generation = new AtomicLong();

	private volatile boolean revocationsHeard;

	ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events,
			@Value("${steward.security.token-cache.ttl:10s}") Duration ttl,
			@Value("${steward.security.token-cache.size:10000}") long size) {
		this.jdbc = jdbc;
		this.events = events;
		this.live = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(Math.max(0, size)).build();
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
			forget(id);
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						forget(id);
					}
				});
			}
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

	/**
	 * The principal a live token stands for. A token found live is remembered for a short while (see the class
	 * comment), so that a client's requests do not each cost a database round trip.
	 */
	public Optional<StewardPrincipal> authenticate(String secret) {
		String hash = hash(secret);
		Live remembered = live.getIfPresent(hash);
		if (remembered != null) {
			return Optional.of(remembered.principal());
		}
		long generationBefore = generation.get();
		Optional<Live> found = jdbc
			.sql("SELECT id, name, role FROM access.api_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((row, i) -> new Live(row.getObject("id", UUID.class),
					new StewardPrincipal(row.getString("name"), Role.of(row.getString("role")))))
			.optional();
		// Remembered only when no revocation was heard while the row was read, and only while revocations can be
		// heard at all: otherwise a revocation that committed during the read could be outlived by the entry.
		if (found.isPresent() && revocationsHeard && generation.get() == generationBefore) {
			live.put(hash, found.get());
			if (generation.get() != generationBefore) {
				live.invalidate(hash);
			}
		}
		return found.map(Live::principal);
	}

	/**
	 * The principal a live token stands for, read from its row now, whether or not it is remembered: for checks
	 * that must see a revocation even before its bell is heard. A token found revoked is forgotten.
	 */
	public Optional<StewardPrincipal> authenticateNow(String secret) {
		String hash = hash(secret);
		Optional<StewardPrincipal> found = jdbc
			.sql("SELECT name, role FROM access.api_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((row, i) -> new StewardPrincipal(row.getString("name"), Role.of(row.getString("role"))))
			.optional();
		if (found.isEmpty()) {
			live.invalidate(hash);
		}
		return found;
	}

	/**
	 * Forgets the token with this id at once: called on every instance when its revocation is heard, and on the
	 * revoking instance when the revocation commits.
	 */
	public void forget(UUID id) {
		generation.incrementAndGet();
		live.asMap().values().removeIf(entry -> entry.id().equals(id));
	}

	/**
	 * Whether this instance hears revocations now (its doorbell connection is listening). While it does not, no
	 * token is remembered and each request reads the token's row, so that a revocation missed while deaf is never
	 * outlived by a remembered token.
	 */
	public void revocationsHeard(boolean heard) {
		generation.incrementAndGet();
		revocationsHeard = heard;
		if (!heard) {
			live.invalidateAll();
		}
	}

	/** Whether this instance remembers the token as live now, without reading its row. */
	boolean remembers(String secret) {
		return live.getIfPresent(hash(secret)) != null;
	}

	private record Live(UUID id, StewardPrincipal principal) {
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
