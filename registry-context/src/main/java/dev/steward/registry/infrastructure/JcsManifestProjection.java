package dev.steward.registry.infrastructure;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.registry.domain.ManifestProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.stereotype.Component;

/** The RFC 8785 projection of a manifest, with the reference Java implementation of JCS. */
@Component
class JcsManifestProjection implements ManifestProjection {

	@Override
	public byte[] jcs(byte[] cbor) {
		try {
			return new JsonCanonicalizer(RegistryJson.write(CanonicalCbor.decode(cbor))).getEncodedUTF8();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
