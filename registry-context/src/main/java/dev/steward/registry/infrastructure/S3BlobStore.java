package dev.steward.registry.infrastructure;

import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.domain.BlobStore;
import dev.steward.registry.domain.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3-compatible bucket, under {@code <prefix>blake3/ab/cd/<hex>}. An upload is first
 * written to a local staging file (hashed on the way, so its key is known), then put in one request: S3 makes an
 * object visible whole or not at all. Bytes that are stored already are not sent again; their object is copied
 * onto itself, which refreshes its time for the orphan collector.
 */
class S3BlobStore implements BlobStore {

	private final String backendId;

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final Path staging;

	S3BlobStore(String backendId, S3Client s3, String bucket, String prefix, Path staging) {
		this.backendId = backendId;
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.staging = staging;
		try {
			Files.createDirectories(staging);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the staging directory " + staging, ex);
		}
	}

	@Override
	public String backendId() {
		return backendId;
	}

	S3Client client() {
		return s3;
	}

	@Override
	public String kind() {
		return "s3";
	}

	@Override
	public boolean isTemporary(String objectKey) {
		return false;
	}

	@Override
	public StoredBlob put(InputStream content, long maxBytes) {
		Path temporary = null;
		try {
			temporary = Files.createTempFile(staging, "upload-", ".part");
			DigestingCopy.Copied copied;
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				copied = DigestingCopy.copy(content, channel, maxBytes);
			}
			String key = StoredBlob.objectKeyOf(copied.blake3Hex());
			Optional<StoredObject> existing = stat(key);
			if (existing.isPresent() && existing.get().sizeBytes() == copied.sizeBytes()) {
				s3.copyObject(copy -> copy.sourceBucket(bucket)
					.sourceKey(prefix + key)
					.destinationBucket(bucket)
					.destinationKey(prefix + key)
					.metadataDirective(MetadataDirective.REPLACE)
					.metadata(Map.of("refreshed", Instant.now().toString())));
			}
			else {
				s3.putObject(put -> put.bucket(bucket).key(prefix + key).contentLength(copied.sizeBytes()),
						RequestBody.fromFile(temporary));
			}
			return new StoredBlob(copied.sizeBytes(), copied.blake3Hex(), copied.sha256Hex(), backendId, key);
		}
		catch (IOException | SdkException ex) {
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The file could not be stored in " + backendId + ": " + ex.getMessage());
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// a leftover staging file holds no blob; it is removed with the next start's staging directory
				}
			}
		}
	}

	@Override
	public InputStream open(String objectKey, long offset, long length) {
		if (length == 0) {
			return InputStream.nullInputStream();
		}
		try {
			return s3.getObject(get -> get.bucket(bucket)
				.key(prefix + objectKey)
				.range("bytes=" + offset + "-" + (offset + length - 1)));
		}
		catch (SdkException ex) {
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The bytes of " + objectKey + " cannot be read from " + backendId + ": " + ex.getMessage());
		}
	}

	@Override
	public Optional<StoredObject> stat(String objectKey) {
		try {
			HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(prefix + objectKey));
			return Optional.of(new StoredObject(objectKey, head.contentLength(), head.lastModified()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public BlobDigests rehash(String objectKey) {
		try (InputStream in = s3.getObject(get -> get.bucket(bucket).key(prefix + objectKey))) {
			DigestingCopy.Copied copied = DigestingCopy.copy(in, Channels.newChannel(OutputStreams.NULL), Long.MAX_VALUE);
			return new BlobDigests(copied.sizeBytes(), copied.blake3Hex(), copied.sha256Hex());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String objectKey) {
		s3.deleteObject(delete -> delete.bucket(bucket).key(prefix + objectKey));
	}

	@Override
	public void forEachObject(Consumer<StoredObject> action) {
		for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()) {
			action.accept(new StoredObject(object.key().substring(prefix.length()), object.size(),
					object.lastModified()));
		}
	}

	@Override
	public BlobStoreHealth health() {
		try {
			s3.headBucket(head -> head.bucket(bucket));
			return new BlobStoreHealth(true, "bucket " + bucket + " answers");
		}
		catch (SdkException ex) {
			return new BlobStoreHealth(false, "bucket " + bucket + ": " + ex.getMessage());
		}
	}
}
