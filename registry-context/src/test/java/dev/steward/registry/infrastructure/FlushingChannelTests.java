package dev.steward.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written through the channel, on a real disk, while its earlier parts are flushed on another thread. */
class FlushingChannelTests {

	@TempDir
	Path directory;

	@Test
	void aFileSeveralFlushesLongHoldsExactlyTheBytesWritten() throws Exception {
		Path file = Files.createFile(directory.resolve("upload.part"));
		MessageDigest written = MessageDigest.getInstance("SHA-256");
		byte[] chunk = new byte[256 * 1024];
		Random random = new Random(11);
		long total = 0;
		try (FlushingChannel channel = new FlushingChannel(FileChannel.open(file, StandardOpenOption.WRITE))) {
			while (total < 3 * FlushingChannel.EVERY + 12_345) {
				random.nextBytes(chunk);
				int length = (int) Math.min(chunk.length, 3 * FlushingChannel.EVERY + 12_345 - total);
				ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				written.update(chunk, 0, length);
				total += length;
			}
			channel.finish();
		}

		assertThat(Files.size(file)).isEqualTo(total);
		assertThat(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))).isEqualTo(written.digest());
	}

	@Test
	void finishingAFileThatCannotBeSyncedFails() throws IOException {
		Path file = Files.createFile(directory.resolve("closed.part"));
		FileChannel underlying = FileChannel.open(file, StandardOpenOption.WRITE);
		FlushingChannel channel = new FlushingChannel(underlying);
		channel.write(ByteBuffer.wrap(new byte[1024]));
		underlying.close();

		assertThatExceptionOfType(ClosedChannelException.class).isThrownBy(channel::finish);
	}
}
