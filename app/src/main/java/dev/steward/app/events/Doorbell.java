package dev.steward.app.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one LISTEN connection of this instance, opened beside the pool so that it never returns to it. A bell ({@code <context>:<sequence>}, rung by the log's trigger at
 * commit) makes the hub read the contexts it names, once each however many bells came together; when no bell
 * comes for a poll interval, the hub reads every context anyway, so a lost bell or a dropped connection delays an
 * event by at most one interval. A broken connection is closed and opened again. Bells whose topic is not a
 * context go to the {@link DoorbellSignal} of that topic (a revoked token, for instance).
 */
public class Doorbell implements SmartLifecycle {

	static final String CHANNEL = "steward_events";

	/** How the LISTEN connection names itself in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "steward-doorbell";

	private static final Logger LOG = LoggerFactory.getLogger(Doorbell.class);

	private final HikariDataSource dataSource;

	private final EventHub hub;

	private final Duration pollInterval;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	private final Map<String, DoorbellSignal> signals;

	public Doorbell(HikariDataSource dataSource, EventHub hub, Duration pollInterval, List<DoorbellSignal> signals) {
		this.dataSource = dataSource;
		this.hub = hub;
		this.pollInterval = pollInterval;
		this.signals = signals.stream().collect(Collectors.toUnmodifiableMap(DoorbellSignal::topic, signal -> signal));
	}

	@Override
	public void start() {
		hub.start();
		running = true;
		thread = Thread.ofPlatform().daemon().name("steward-doorbell").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		Thread listener = thread;
		if (listener != null) {
			listener.interrupt();
			closeQuietly();
			try {
				listener.join(pollInterval.toMillis() + 5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		long backoff = 100;
		while (running) {
			try {
				PGConnection listening = open();
				backoff = 100;
				signalListening(true);
				hub.pollAll();
				while (running) {
					PGNotification[] bells = listening.getNotifications((int) pollInterval.toMillis());
					if (bells == null || bells.length == 0) {
						hub.pollAll();
						continue;
					}
					Set<String> contexts = new LinkedHashSet<>();
					for (PGNotification bell : bells) {
						String parameter = bell.getParameter();
						int colon = parameter.indexOf(':');
						String topic = colon < 0 ? parameter : parameter.substring(0, colon);
						DoorbellSignal signal = signals.get(topic);
						if (signal != null) {
							signal.rang(colon < 0 ? "" : parameter.substring(colon + 1));
						}
						else {
							contexts.add(topic);
						}
					}
					hub.poll(contexts);
				}
			}
			catch (SQLException | RuntimeException ex) {
				signalListening(false);
				if (!running) {
					break;
				}
				LOG.warn("Event doorbell connection failed ({}); reconnecting in {} ms", ex.getMessage(), backoff);
				closeQuietly();
				sleep(backoff);
				backoff = Math.min(backoff * 2, 5_000);
			}
		}
		signalListening(false);
		closeQuietly();
	}

	private void signalListening(boolean listening) {
		for (DoorbellSignal signal : signals.values()) {
			try {
				signal.listening(listening);
			}
			catch (RuntimeException ex) {
				LOG.warn("A doorbell signal failed to take the listening state", ex);
			}
		}
	}

	private PGConnection open() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", dataSource.getUsername());
		if (dataSource.getPassword() != null) {
			properties.setProperty("password", dataSource.getPassword());
		}
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		properties.setProperty("tcpKeepAlive", "true");
		Connection opened = DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
		opened.setAutoCommit(true);
		try (Statement statement = opened.createStatement()) {
			statement.execute("LISTEN " + CHANNEL);
		}
		connection = opened;
		LOG.info("Listening for event doorbells on channel {}", CHANNEL);
		return opened.unwrap(PGConnection.class);
	}

	private void closeQuietly() {
		Connection current = connection;
		connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				LOG.debug("Closing the doorbell connection failed", ex);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
