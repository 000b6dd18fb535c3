package dev.steward.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.steward.app.GraphQlHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** JWTs from an OIDC issuer, when one is configured: the roles claim gives the role, the subject the actor. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JwtIntegrationTests {

	static final KeyPair ISSUER = rsa();

	static final KeyPair STRANGER = rsa();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuerKey(DynamicPropertyRegistry registry) {
		try {
			Path pem = Files.createTempFile("issuer", ".pub");
			pem.toFile().deleteOnExit();
			Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n");
			registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void anIssuersJwtActsWithTheRoleOfItsClaimAndIsRecordedByItsSubject() throws Exception {
		String jwt = jwt(ISSUER, "dashboard-operator", List.of("operator"));

		GraphQlHttp.Response created = new GraphQlHttp(port).post(jwt,
				"mutation($id: ID!) { createWorld(input: {id: $id, name: \"By JWT\"}) { world { createdBy } } }",
				Map.of("id", "jwt-" + UUID.randomUUID()));

		assertThat(created.data().path("createWorld").path("world").path("createdBy").asString())
			.isEqualTo("dashboard-operator");
	}

	@Test
	void aJwtWithAViewerRoleCannotWrite() throws Exception {
		String jwt = jwt(ISSUER, "dashboard-viewer", List.of("viewer"));

		GraphQlHttp.Response refused = new GraphQlHttp(port).post(jwt,
				"mutation { createWorld(input: {id: \"jwt-refused\", name: \"No\"}) { world { id } } }");

		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void refusesAJwtSignedByAnotherKeyOrWithoutARole() throws Exception {
		GraphQlHttp graphql = new GraphQlHttp(port);

		assertThat(graphql.post(jwt(STRANGER, "mallory", List.of("admin")), "{ me { name } }").status()).isEqualTo(401);
		assertThat(graphql.post(jwt(ISSUER, "nobody", List.of()), "{ me { name } }").status()).isEqualTo(401);
	}

	private static String jwt(KeyPair key, String subject, List<String> roles) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().subject(subject)
					.claim("roles", roles)
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
