package dev.steward.policy.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.policy.domain.PolicyHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Policy hashes: SHA-256 over the RFC 8785 (JCS) canonical form of the value's JSON. */
@Component
class JcsPolicyHashes implements PolicyHashes {

	private static final JsonMapper JSON = Json.MAPPER;

	@Override
	public String hash(Object value) {
		try {
			byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedUTF8();
			return Digests.sha256Hex(canonical);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
