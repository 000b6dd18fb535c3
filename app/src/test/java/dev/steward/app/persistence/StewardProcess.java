package dev.steward.app.persistence;

import dev.steward.Application;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Steward run as its own operating-system process, as a user runs it: {@code java -cp … dev.steward.Application}
 * with the main classpath, on the embedded default with {@code STEWARD_DATA_DIR} and {@code STEWARD_BOOTSTRAP_TOKEN}
 * in its environment and no datasource configured.
 */
public final class StewardProcess implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofSeconds(240);

	private final Process process;

	private final int port;

	private final Path log;

	private final Path dataDir;

	private Duration readyIn = Duration.ZERO;

	private StewardProcess(Process process, int port, Path log, Path dataDir) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.dataDir = dataDir;
	}

	/** Starts Steward on {@code dataDir}, its output going to {@code log}, and waits until it is ready. */
	public static StewardProcess start(Path dataDir, String bootstrapToken, Path log) {
		return start(dataDir, bootstrapToken, log, Map.of(), List.of());
	}

	/**
	 * Starts Steward as {@link #start(Path, String, Path)} does, with {@code environment} added to its environment
	 * (a datasource, for one) and {@code arguments} after the main class, and waits until it is ready.
	 */
	public static StewardProcess start(Path dataDir, String bootstrapToken, Path log, Map<String, String> environment,
			List<String> arguments) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-cp", mainClasspath(), Application.class.getName()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf(name -> name.startsWith("SPRING_") || name.startsWith("STEWARD_")
					|| name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
		env.put("STEWARD_DATA_DIR", dataDir.toString());
		env.put("STEWARD_BOOTSTRAP_TOKEN", bootstrapToken);
		env.put("STEWARD_PORT", Integer.toString(port));
		env.putAll(environment);
		try {
			StewardProcess steward = new StewardProcess(builder.start(), port, log, dataDir);
			steward.awaitReady();
			return steward;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How long the start took, from launching the JVM to readiness. */
	Duration readyIn() {
		return readyIn;
	}

	public int port() {
		return port;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	/** The pid that the embedded PostgreSQL's {@code postmaster.pid} names. */
	long postmasterPid() {
		return Long.parseLong(postmasterPidFile().getFirst().trim());
	}

	/** The port that the embedded PostgreSQL's {@code postmaster.pid} names. */
	int postgresPort() {
		return Integer.parseInt(postmasterPidFile().get(3).trim());
	}

	private List<String> postmasterPidFile() {
		try {
			return Files.readAllLines(dataDir.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code kill -9}: the JVM dies at once, without running a shutdown hook. */
	public void kill() {
		process.destroyForcibly();
		awaitExit(process.toHandle());
	}

	/** {@code kill -9} of the JVM and of its PostgreSQL server, one right after the other. */
	void killWithPostmaster() {
		Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid());
		process.destroyForcibly();
		postmaster.ifPresent(ProcessHandle::destroyForcibly);
		awaitExit(process.toHandle());
		postmaster.ifPresent(StewardProcess::awaitExit);
	}

	public String output() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/** Stops Steward as a user does (SIGTERM), which also stops its PostgreSQL server. */
	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant started = Instant.now();
		Instant deadline = started.plus(READY_WITHIN);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Steward exited with " + process.exitValue() + " before it was ready:\n"
						+ tail(output()));
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					readyIn = Duration.between(started, Instant.now()).withNanos(0);
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(250));
		}
		close();
		throw new IllegalStateException("Steward was not ready within " + READY_WITHIN + ":\n" + tail(output()));
	}

	static String tail(String output) {
		List<String> lines = output.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	private static void awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Process " + process.pid() + " did not exit after kill -9", ex);
		}
	}

	/** A JDK 21 or newer: the one running these tests. */
	private static String java() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** The test classpath without test classes and test resources: what the application itself needs. */
	private static String mainClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.filter(entry -> !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
