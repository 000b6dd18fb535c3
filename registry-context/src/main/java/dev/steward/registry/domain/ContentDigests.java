package dev.steward.registry.domain;

/** The registry's primary digest over bytes held in memory, such as a manifest's. */
public interface ContentDigests {

	/** The content address of the bytes: {@code blake3:<hex>}. */
	String addressOf(byte[] bytes);
}
