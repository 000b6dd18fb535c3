package dev.steward.registry.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.registry.domain.ContentDigests;
import dev.steward.registry.domain.StoredBlob;
import org.springframework.stereotype.Component;

/** BLAKE3-256 ({@link Blake3}). */
@Component
class Blake3ContentDigests implements ContentDigests {

	@Override
	public String addressOf(byte[] bytes) {
		return StoredBlob.contentAddress(Digests.hex(Blake3.hash(bytes)));
	}
}
