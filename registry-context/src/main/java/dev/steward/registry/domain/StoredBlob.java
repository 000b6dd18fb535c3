package dev.steward.registry.domain;

import org.jmolecules.ddd.types.ValueObject;

/**
 * Bytes as a blob store holds them: their size, BLAKE3 (the primary digest; {@code blake3:<hex>} is the content
 * address) and SHA-256, and where they are.
 */
public record StoredBlob(long sizeBytes, String blake3Hex, String sha256Hex, String backendId, String objectKey)
		implements ValueObject {

	public static final String PRIMARY_ALGORITHM = "blake3";

	public String contentAddress() {
		return contentAddress(blake3Hex);
	}

	public static String contentAddress(String blake3Hex) {
		return PRIMARY_ALGORITHM + ":" + blake3Hex;
	}

	/** The object key a content address is stored under in every store: {@code blake3/ab/cd/abcd…}. */
	public static String objectKeyOf(String blake3Hex) {
		return PRIMARY_ALGORITHM + "/" + blake3Hex.substring(0, 2) + "/" + blake3Hex.substring(2, 4) + "/" + blake3Hex;
	}
}
