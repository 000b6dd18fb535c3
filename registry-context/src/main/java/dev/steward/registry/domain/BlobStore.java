package dev.steward.registry.domain;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A content-addressed store of bytes. A blob is written whole or not at all (a temporary object, then an atomic
 * move or a single put), under the key its BLAKE3 gives, so identical bytes are stored once. Storing happens
 * before the transaction that records the file; bytes whose transaction then fails are found by
 * {@link #forEachObject} and collected after a grace period.
 */
public interface BlobStore {

	/** The store's id, as storage locations record it. */
	String backendId();

	/** What kind of store it is: {@code filesystem}, {@code s3}. */
	String kind();

	/** Whether the key is a temporary object of an upload in flight (or of one that died), never a blob. */
	boolean isTemporary(String objectKey);

	/**
	 * Streams the bytes into the store, hashing them with BLAKE3 and SHA-256 on the way, without holding them in
	 * memory. Refreshes the time of a blob that is already stored, so the collector leaves it alone for a grace
	 * period.
	 * @throws dev.steward.registry.RegistryException {@code FILE_TOO_LARGE} beyond {@code maxBytes} (nothing is
	 * kept), {@code STORAGE_UNAVAILABLE}
	 */
	StoredBlob put(InputStream content, long maxBytes);

	/** Reads {@code length} bytes from {@code offset}; the caller closes the stream. */
	InputStream open(String objectKey, long offset, long length);

	/** The blob's size and last write, re-read from the store; empty when it is not there. */
	Optional<StoredObject> stat(String objectKey);

	/** Reads the whole blob again and hashes it. */
	BlobDigests rehash(String objectKey);

	/** Deletes the blob; deleting one that is not there is no error. */
	void delete(String objectKey);

	/** Every blob in the store with the time it was last written or refreshed. */
	void forEachObject(Consumer<StoredObject> action);

	/** Whether the store answers, and what it says when it does not. */
	BlobStoreHealth health();

	/** What a fresh read of a blob gives. */
	record BlobDigests(long sizeBytes, String blake3Hex, String sha256Hex) {
	}

	/** A blob as a listing of the store shows it. */
	record StoredObject(String objectKey, long sizeBytes, Instant lastModified) {
	}

	/** A store's health: {@code up} and a short detail. */
	record BlobStoreHealth(boolean up, String detail) {
	}
}
