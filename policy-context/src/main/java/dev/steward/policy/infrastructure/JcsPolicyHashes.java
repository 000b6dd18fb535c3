package dev.steward.policy.infrastructure;

import dev.steward.policy.domain.PolicyHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Policy hashes: SHA-256 over the RFC 8785 (JCS) canonical form of the value's JSON. */
@Component
class JcsPolicyHashes implements PolicyHashes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String hash(Object value) {
		try {
			byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedUTF8();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
