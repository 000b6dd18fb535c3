package dev.steward.registry.infrastructure;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Writes a file while the disk keeps up: every {@value #EVERY} bytes it asks the operating system, on a thread of its
 * own, to write what it holds of the file to disk ({@code fdatasync}), at most one such request at a time. The data
 * then reaches the disk while the rest still arrives, and the {@link #finish() final sync} that makes the file
 * durable has little left to write; without it the page cache may hold a whole large upload and flush it only then.
 */
final class FlushingChannel implements WritableByteChannel {

	static final long EVERY = 16L * 1024 * 1024;

	private static final ExecutorService FLUSHES = Executors.newCachedThreadPool(task -> Thread.ofPlatform()
		.daemon()
		.name("blob-flush")
		.unstarted(task));

	private final FileChannel channel;

	private long unflushed;

	private @Nullable CompletableFuture<Void> flushing;

	FlushingChannel(FileChannel channel) {
		this.channel = channel;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int written = channel.write(source);
		unflushed += written;
		if (unflushed >= EVERY && (flushing == null || flushing.isDone())) {
			rethrowFailure();
			unflushed = 0;
			flushing = CompletableFuture.runAsync(() -> {
				try {
					channel.force(false);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, FLUSHES);
		}
		return written;
	}

	/** Waits for the flush in flight, then syncs the file's data and metadata: the file is durable afterwards. */
	void finish() throws IOException {
		if (flushing != null) {
			try {
				flushing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while the file was written to disk");
			}
			catch (ExecutionException ex) {
				throw failure(ex);
			}
		}
		channel.force(true);
	}

	@Override
	public boolean isOpen() {
		return channel.isOpen();
	}

	/** Closes the file; a flush still in flight fails quietly, as the file is given up. */
	@Override
	public void close() throws IOException {
		channel.close();
	}

	private void rethrowFailure() throws IOException {
		if (flushing != null && flushing.isCompletedExceptionally()) {
			try {
				flushing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted");
			}
			catch (ExecutionException ex) {
				throw failure(ex);
			}
		}
	}

	private static IOException failure(ExecutionException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UncheckedIOException unchecked) {
			return unchecked.getCause();
		}
		return new IOException("The file could not be written to disk", cause);
	}
}
