package dev.steward.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.Application;
import dev.steward.app.GraphQlHttp;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live API tokens are remembered so that requests do not each read the token's row, and a revocation still stops a
 * token at once on every instance. The second instance remembers tokens for a minute, so that only the revocation
 * bell, never the expiry, can make it forget one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenCacheIntegrationTests {

	static final String ME = "{ me { name role } }";

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	ApiTokens tokens;

	ConfigurableApplicationContext second;

	ApiTokens secondTokens;

	GraphQlHttp secondHttp;

	@BeforeEach
	void startSecondInstance() {
		second = new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--steward.security.token-cache.ttl=60s", "--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword()));
		secondTokens = second.getBean(ApiTokens.class);
		secondHttp = new GraphQlHttp(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
	}

	@AfterEach
	void stopSecondInstance() {
		second.close();
	}

	@Test
	void aTokenInUseIsRememberedAndStillAnswersAsItsPrincipal() {
		ApiTokens.IssuedToken issued = tokens.issue("remembered-" + UUID.randomUUID(), Role.AUTHOR, "test");

		GraphQlHttp.Response first = secondHttp.post(issued.secret(), ME);
		useUntilRemembered(secondHttp, secondTokens, issued.secret());
		GraphQlHttp.Response again = secondHttp.post(issued.secret(), ME);

		assertThat(secondTokens.remembers(issued.secret())).isTrue();
		assertThat(first.data().path("me").path("name").asString()).isEqualTo(issued.token().name());
		assertThat(again.data().path("me").path("role").asString()).isEqualToIgnoringCase("author");
	}

	@Test
	void aTokenRevokedOnOneInstanceIsRefusedByTheOtherThatRememberedIt() throws Exception {
		ApiTokens.IssuedToken issued = tokens.issue("revoked-elsewhere-" + UUID.randomUUID(), Role.VIEWER, "test");
		useUntilRemembered(secondHttp, secondTokens, issued.secret());

		long revokedAt = System.nanoTime();
		tokens.revoke(issued.token().id(), "test");
		int status = secondHttp.post(issued.secret(), ME).status();
		while (status == 200 && System.nanoTime() - revokedAt < 5_000_000_000L) {
			Thread.sleep(5);
			status = secondHttp.post(issued.secret(), ME).status();
		}
		long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;

		assertThat(status).isEqualTo(401);
		assertThat(tookMillis).as("the bell, not the minute-long expiry, ended the token").isLessThan(1000);
		assertThat(secondTokens.remembers(issued.secret())).isFalse();
		assertThat(secondHttp.post(issued.secret(), ME).status()).isEqualTo(401);
	}

	@Test
	void theRevokingInstanceRefusesTheTokenOnTheVeryNextRequest() {
		ApiTokens.IssuedToken issued = tokens.issue("revoked-here-" + UUID.randomUUID(), Role.VIEWER, "test");
		GraphQlHttp http = new GraphQlHttp(port);
		useUntilRemembered(http, tokens, issued.secret());

		tokens.revoke(issued.token().id(), "test");

		assertThat(tokens.remembers(issued.secret())).isFalse();
		assertThat(http.post(issued.secret(), ME).status()).isEqualTo(401);
	}

	@Test
	void revokingOneTokenForgetsOnlyThatToken() throws Exception {
		ApiTokens.IssuedToken kept = tokens.issue("kept-" + UUID.randomUUID(), Role.VIEWER, "test");
		ApiTokens.IssuedToken revoked = tokens.issue("gone-" + UUID.randomUUID(), Role.VIEWER, "test");
		useUntilRemembered(secondHttp, secondTokens, kept.secret());
		useUntilRemembered(secondHttp, secondTokens, revoked.secret());

		tokens.revoke(revoked.token().id(), "test");
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (secondTokens.remembers(revoked.secret()) && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}

		assertThat(secondTokens.remembers(revoked.secret())).isFalse();
		assertThat(secondTokens.remembers(kept.secret())).isTrue();
		assertThat(secondHttp.post(kept.secret(), ME).status()).isEqualTo(200);
	}

	@Test
	void nothingIsRememberedWhileRevocationsCannotBeHeard() {
		ApiTokens.IssuedToken issued = tokens.issue("deaf-" + UUID.randomUUID(), Role.VIEWER, "test");
		useUntilRemembered(secondHttp, secondTokens, issued.secret());
		try {
			secondTokens.revocationsHeard(false);

			assertThat(secondTokens.remembers(issued.secret())).as("forgotten when the doorbell drops").isFalse();
			assertThat(secondHttp.post(issued.secret(), ME).status()).isEqualTo(200);
			assertThat(secondTokens.remembers(issued.secret())).as("not remembered while deaf").isFalse();
		}
		finally {
			secondTokens.revocationsHeard(true);
		}
	}

	/**
	 * Uses the token until the instance remembers it: tokens are remembered only once the instance's doorbell
	 * listens, which it starts doing shortly after the instance has started.
	 */
	private static void useUntilRemembered(GraphQlHttp http, ApiTokens instance, String secret) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		do {
			assertThat(http.post(secret, ME).status()).isEqualTo(200);
		}
		while (!instance.remembers(secret) && System.nanoTime() < deadline);
		assertThat(instance.remembers(secret)).as("remembered after a request").isTrue();
	}
}
