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
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under a directory: {@code blake3/ab/cd/<hex>}. An upload is written to {@code tmp/}, forced to
 * disk, then moved into place atomically (the directory is forced too), so a reader never sees a partial blob and a
 * crash leaves at most a temporary file, which {@link #forEachObject} lists for collection.
 */
class FilesystemBlobStore implements BlobStore {

	private static final Logger LOG = LoggerFactory.getLogger(FilesystemBlobStore.class);

	static final String TEMPORARY = "tmp";

	private final String backendId;

	private final Path root;

	FilesystemBlobStore(String backendId, Path root) {
		this.backendId = backendId;
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root.resolve(TEMPORARY));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the blob directory " + this.root, ex);
		}
	}

	@Override
	public String backendId() {
		return backendId;
	}

	@Override
	public String kind() {
		return "filesystem";
	}

	@Override
	public boolean isTemporary(String objectKey) {
		return objectKey.startsWith(TEMPORARY + "/");
	}

	Path root() {
		return root;
	}

	@Override
	public StoredBlob put(InputStream content, long maxBytes) {
		Path temporary = null;
		try {
			temporary = Files.createTempFile(root.resolve(TEMPORARY), "upload-", ".part");
			DigestingCopy.Copied copied;
			try (FlushingChannel channel = new FlushingChannel(FileChannel.open(temporary, StandardOpenOption.WRITE))) {
				copied = DigestingCopy.copy(content, channel, maxBytes);
				channel.finish();
			}
			String key = StoredBlob.objectKeyOf(copied.blake3Hex());
			Path target = root.resolve(key);
			Files.createDirectories(target.getParent());
			if (Files.exists(target) && Files.size(target) == copied.sizeBytes()) {
				Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
				Files.delete(temporary);
			}
			else {
				move(temporary, target);
				forceDirectory(target.getParent());
			}
			temporary = null;
			return new StoredBlob(copied.sizeBytes(), copied.blake3Hex(), copied.sha256Hex(), backendId, key);
		}
		catch (IOException ex) {
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The file could not be stored: " + ex.getMessage());
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					LOG.warn("Could not delete the temporary upload {}; collection will", temporary, ex);
				}
			}
		}
	}

	private static void move(Path temporary, Path target) throws IOException {
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
			throw new IOException("the blob directory does not support atomic moves", ex);
		}
	}

	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems cannot open a directory; the move is atomic all the same
		}
	}

	@Override
	public InputStream open(String objectKey, long offset, long length) {
		try {
			SeekableByteChannel channel = Files.newByteChannel(path(objectKey), StandardOpenOption.READ);
			channel.position(offset);
			return new BoundedInputStream(Channels.newInputStream(channel), length);
		}
		catch (NoSuchFileException ex) {
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The bytes of " + objectKey + " are missing from " + backendId);
		}
		catch (IOException ex) {
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The bytes of " + objectKey + " cannot be read: " + ex.getMessage());
		}
	}

	@Override
	public Optional<StoredObject> stat(String objectKey) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path(objectKey), BasicFileAttributes.class);
			return Optional.of(new StoredObject(objectKey, attributes.size(), attributes.lastModifiedTime().toInstant()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public BlobDigests rehash(String objectKey) {
		try (InputStream in = Files.newInputStream(path(objectKey))) {
			DigestingCopy.Copied copied = DigestingCopy.copy(in, Channels.newChannel(OutputStreams.NULL), Long.MAX_VALUE);
			return new BlobDigests(copied.sizeBytes(), copied.blake3Hex(), copied.sha256Hex());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String objectKey) {
		try {
			Files.deleteIfExists(path(objectKey));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void forEachObject(Consumer<StoredObject> action) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(Files::isRegularFile).forEach(path -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
					action.accept(new StoredObject(root.relativize(path).toString().replace('\\', '/'),
							attributes.size(), attributes.lastModifiedTime().toInstant()));
				}
				catch (NoSuchFileException ex) {
					// deleted while listing
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public BlobStoreHealth health() {
		Path probe = root.resolve(TEMPORARY);
		if (Files.isDirectory(probe) && Files.isWritable(probe)) {
			return new BlobStoreHealth(true, "writable: " + root);
		}
		return new BlobStoreHealth(false, "not writable: " + root);
	}

	private Path path(String objectKey) {
		Path path = root.resolve(objectKey).normalize();
		if (!path.startsWith(root) || objectKey.contains("\\")) {
			throw new IllegalArgumentException("Not an object key of this store: " + objectKey);
		}
		return path;
	}
}
