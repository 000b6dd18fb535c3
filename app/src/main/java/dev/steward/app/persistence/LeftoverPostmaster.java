package dev.steward.app.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an earlier run left on the embedded PostgreSQL's data directory before the server starts on it.
 * <p>
 * When the JVM that started the embedded server dies without shutting it down (a {@code kill -9}, an out-of-memory
 * kill), the postmaster lives on in a session of its own and holds the directory through {@code postmaster.pid};
 * PostgreSQL then refuses to start another server there. A start finds that postmaster and stops it cleanly (a
 * fast shutdown, which completes a checkpoint), waits for the processes of a postmaster that was killed outright,
 * and leaves a stale {@code postmaster.pid} to PostgreSQL, which replaces it. It never stops what it cannot
 * recognize: when the directory's lock is held by another live Steward, or {@code postmaster.pid} names a live
 * process that is no PostgreSQL server of this directory, the start is refused with a
 * {@link DataDirectoryInUseException} saying what to do.
 */
final class LeftoverPostmaster {

	private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

	/** The lock file the embedded PostgreSQL library holds while it runs a server on the directory. */
	static final String LOCK_FILE = "epg-lock";

	static final String PID_FILE = "postmaster.pid";

	private final Path dataDirectory;

	private final Duration timeout;

	private LeftoverPostmaster(Path dataDirectory, Duration timeout) {
		this.dataDirectory = dataDirectory;
		this.timeout = timeout;
	}

	/**
	 * Makes {@code dataDirectory} free for a new server, stopping an orphaned postmaster of it, or refuses.
	 * @throws DataDirectoryInUseException when a live process that Steward may not stop holds the directory
	 */
	static void clear(Path dataDirectory, Duration timeout) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		new LeftoverPostmaster(dataDirectory.toAbsolutePath().normalize(), timeout).clearHolding();
	}

	private void clearHolding() {
		try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
			if (lock == null) {
				throw new DataDirectoryInUseException(
						"The embedded PostgreSQL's data directory " + dataDirectory
								+ " is in use by another running Steward (it holds " + LOCK_FILE + ").",
						"Stop the other Steward, or give this one a data directory of its own (STEWARD_DATA_DIR).");
			}
			clearUnderLock();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not examine the data directory " + dataDirectory, ex);
		}
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null; // held in this very JVM: an embedded server of this directory runs here already
		}
	}

	private void clearUnderLock() throws IOException {
		Optional<Long> pid = readPid();
		if (pid.isEmpty()) {
			return; // empty or torn: PostgreSQL overwrites a pid file whose process is gone
		}
		Optional<ProcessHandle> holder = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (holder.isEmpty()) {
			awaitRemnants();
			return;
		}
		if (isThisProcessOrAnAncestor(holder.get())) {
			// its pid was given to this JVM or a process that started it, as happens after a reboot or in a new container
			LOG.info("Removing a stale {}: the pid it names is this process's or an ancestor's",
					dataDirectory.resolve(PID_FILE));
			Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
			return;
		}
		if (!isServerOfDataDirectory(holder.get())) {
			throw new DataDirectoryInUseException("The embedded PostgreSQL's data directory " + dataDirectory
					+ " is held by process " + holder.get().pid() + " (" + describe(holder.get())
					+ "), which " + PID_FILE + " names but which is no PostgreSQL server of that directory.",
					"Stop process " + holder.get().pid() + " if it uses the directory; if nothing does, delete "
							+ dataDirectory.resolve(PID_FILE) + ". Or give Steward another data directory "
							+ "(STEWARD_DATA_DIR).");
		}
		stop(holder.get());
		awaitRemnants();
	}

	private static boolean isThisProcessOrAnAncestor(ProcessHandle process) {
		for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
			if (p.get().pid() == process.pid()) {
				return true;
			}
		}
		return false;
	}

	private Optional<Long> readPid() throws IOException {
		try {
			List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE));
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private void stop(ProcessHandle postmaster) {
		LOG.warn("Found a PostgreSQL server (pid {}) left running on {} by an earlier run that did not shut down; "
				+ "stopping it before starting anew", postmaster.pid(), dataDirectory);
		boolean stopped = pgCtl(postmaster).map(this::fastShutdown).orElse(false);
		if (!stopped) {
			postmaster.destroy(); // SIGTERM: a smart shutdown; the dead JVM's sessions are gone already
		}
		if (!awaitExit(postmaster)) {
			throw new DataDirectoryInUseException("A PostgreSQL server (pid " + postmaster.pid()
					+ ") left running on " + dataDirectory + " did not stop within " + timeout.toSeconds() + " s.",
					"Stop process " + postmaster.pid() + " and start Steward again.");
		}
		LOG.info("Stopped the earlier PostgreSQL server (pid {})", postmaster.pid());
	}

	private static Optional<Path> pgCtl(ProcessHandle postmaster) {
		return postmaster.info()
			.command()
			.map(command -> Path.of(command).resolveSibling("pg_ctl"))
			.filter(Files::isExecutable);
	}

	private boolean fastShutdown(Path pgCtl) {
		ProcessBuilder builder = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDirectory.toString(), "-m",
				"fast", "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		try {
			Process process = builder.start();
			return process.waitFor(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			LOG.warn("Could not run {}: {}", pgCtl, ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Waits for the processes of a postmaster that is gone (killed outright, its backends and workers still exiting):
	 * PostgreSQL will not start while they hold its shared memory.
	 */
	private void awaitRemnants() {
		List<ProcessHandle> remnants = ProcessHandle.allProcesses()
			.filter(process -> process.pid() != ProcessHandle.current().pid())
			.filter(this::isServerOfDataDirectory)
			.toList();
		if (remnants.isEmpty()) {
			return;
		}
		LOG.info("Waiting for {} process(es) of an earlier PostgreSQL server on {} to exit", remnants.size(),
				dataDirectory);
		CompletableFuture<?>[] exits = remnants.stream()
			.map(ProcessHandle::onExit)
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			List<Long> alive = remnants.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
			throw new DataDirectoryInUseException("Processes " + alive + " of an earlier PostgreSQL server on "
					+ dataDirectory + " did not exit within " + timeout.toSeconds() + " s.",
					"Stop processes " + alive + " and start Steward again.");
		}
		catch (ExecutionException ex) {
			// a process whose exit cannot be watched is checked again by PostgreSQL itself at start
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether {@code process} is a PostgreSQL server process of this data directory: its executable is
	 * {@code postgres}, and its working directory is the data directory (where every server process lives) or its
	 * arguments name it with {@code -D}.
	 */
	private boolean isServerOfDataDirectory(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command()
			.map(command -> Path.of(command).getFileName())
			.map(name -> name.toString().equals("postgres") || name.toString().equals("postgres.exe"))
			.orElse(false);
		return postgres && (workingDirectoryIsDataDirectory(process) || namesDataDirectory(info));
	}

	private boolean workingDirectoryIsDataDirectory(ProcessHandle process) {
		Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
		try {
			return Files.isSameFile(cwd, dataDirectory);
		}
		catch (IOException | SecurityException ex) {
			return false; // not Linux, or not ours to look at
		}
	}

	private boolean namesDataDirectory(ProcessHandle.Info info) {
		String[] arguments = info.arguments().orElse(new String[0]);
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (arguments[i].equals("-D") && sameFile(arguments[i + 1])) {
				return true;
			}
		}
		return false;
	}

	private boolean sameFile(String path) {
		try {
			return Files.isSameFile(Path.of(path), dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static String describe(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		return info.commandLine().or(info::command).orElse("command unknown");
	}
}
