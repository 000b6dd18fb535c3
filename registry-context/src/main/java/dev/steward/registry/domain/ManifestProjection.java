package dev.steward.registry.domain;

/** The RFC 8785 (JCS) JSON form of a manifest's canonical CBOR. */
public interface ManifestProjection {

	/** The JCS bytes (UTF-8) of the value the CBOR holds. */
	byte[] jcs(byte[] cbor);
}
