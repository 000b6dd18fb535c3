package dev.steward.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does with a {@code postmaster.pid} it finds, where no PostgreSQL server is involved. */
class LeftoverPostmasterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path dataDirectory;

	@Test
	void removesAPidFileThatNamesThisVeryProcess() throws IOException {
		writePidFile(ProcessHandle.current().pid());

		LeftoverPostmaster.clear(dataDirectory, TIMEOUT);

		assertThat(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).doesNotExist();
	}

	@Test
	void leavesThePidFileOfAProcessThatIsGoneForPostgresToReplace() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
		writePidFile(gone.pid());

		LeftoverPostmaster.clear(dataDirectory, TIMEOUT);

		assertThat(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).exists();
	}

	@Test
	void takesATornPidFileForStale() throws IOException {
		Files.writeString(dataDirectory.resolve(LeftoverPostmaster.PID_FILE), "12a");

		LeftoverPostmaster.clear(dataDirectory, TIMEOUT);

		assertThat(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).exists();
	}

	@Test
	void refusesADirectoryWhoseLockAnotherHolderHas() throws IOException {
		writePidFile(ProcessHandle.current().pid());

		try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LeftoverPostmaster.LOCK_FILE),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
			assertThatExceptionOfType(DataDirectoryInUseException.class)
				.isThrownBy(() -> LeftoverPostmaster.clear(dataDirectory, TIMEOUT))
				.withMessageContaining("in use by another running Steward");
		}
		assertThat(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).as("left as it was").exists();
	}

	private void writePidFile(long pid) throws IOException {
		Files.writeString(dataDirectory.resolve(LeftoverPostmaster.PID_FILE), pid + "\n" + dataDirectory + "\n");
	}
}
