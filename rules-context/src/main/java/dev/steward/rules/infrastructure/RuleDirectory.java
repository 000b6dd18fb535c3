package dev.steward.rules.infrastructure;

import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.application.RuleCatalog;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of rule files, watched for changes (inotify on Linux) and mirrored into the rule catalog. Only
 * names fully matching {@code [A-Za-z0-9_]+\.ya?ml} count; editor swap files, backups and temporary files are
 * ignored without a word. Events for one file are debounced: the file is read once it has been quiet for the
 * debounce interval, so an in-place save, an atomic rename, a new file or a delete each give one change, and
 * content equal to what is in force gives none. A file that fails validation leaves the rule in force as it was
 * and is reported in {@link #problems()}. Two files that declare one {@code rule_id}: the file already in force (at
 * start, the first by name) keeps it, the other is reported and takes over only when that file goes.
 */
final class RuleDirectory implements AutoCloseable {

	static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_]+\\.ya?ml");

	private static final Logger LOG = LoggerFactory.getLogger(RuleDirectory.class);

	private final Path directory;

	private final Duration debounce;

	private final RuleCatalog catalog;

	private final RuleReads reads;

	private final boolean authoritative;

	private final String actor;

	/** Which rule each file holds. */
	private final Map<Path, String> rules = new ConcurrentHashMap<>();

	/** What the API just wrote to a file and applied itself, which the watcher's next read of the file skips. */
	private final Map<Path, String> written = new ConcurrentHashMap<>();

	private final Map<String, String> problems = new ConcurrentHashMap<>();

	private final Object applying = new Object();

	private @Nullable WatchService watcher;

	private @Nullable Thread thread;

	/**
	 * @param authoritative whether the directory is the only source of definitions (the filesystem store), so
	 * that a rule with no file is removed at start; a mirrored directory only adds and changes rules, and removes
	 * those whose file is deleted while it is watched
	 */
	RuleDirectory(Path directory, Duration debounce, RuleCatalog catalog, RuleReads reads, boolean authoritative) {
		this.directory = directory.toAbsolutePath().normalize();
		this.debounce = debounce;
		this.catalog = catalog;
		this.reads = reads;
		this.authoritative = authoritative;
		this.actor = "filesystem";
	}

	Path path() {
		return directory;
	}

	/** Each file that failed to load, with its problem, in file name order. */
	List<String> problems() {
		return new TreeMap<>(problems).entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue()).toList();
	}

	/** Loads every rule file, then watches the directory on a thread of its own. */
	synchronized void start() {
		if (thread != null) {
			return;
		}
		try {
			Files.createDirectories(directory);
			watcher = FileSystems.getDefault().newWatchService();
			directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
					StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot watch the rules directory " + directory + ": " + ex.getMessage(), ex);
		}
		scan(true);
		Thread watching = new Thread(this::watch, "rules-directory");
		watching.setDaemon(true);
		watching.start();
		thread = watching;
		LOG.info("Watching {} for rule files", directory);
	}

	@Override
	public synchronized void close() {
		Thread watching = thread;
		thread = null;
		try {
			if (watcher != null) {
				watcher.close();
			}
		}
		catch (IOException ex) {
			LOG.debug("Closing the watch service failed", ex);
		}
		if (watching != null) {
			watching.interrupt();
			try {
				watching.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Writes a rule's file (atomically, by rename) as the API's change of a rule. */
	void write(RuleDefinition definition, String source) {
		synchronized (applying) {
			Path target = fileOf(definition.ruleId()).orElse(directory.resolve(definition.ruleId() + ".yaml"));
			Path temporary = directory.resolve("." + target.getFileName() + ".tmp");
			try {
				Files.createDirectories(directory);
				Files.writeString(temporary, source, StandardCharsets.UTF_8);
				written.put(target, source);
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				rules.put(target, definition.ruleId());
				problems.remove(target.getFileName().toString());
			}
			catch (IOException ex) {
				written.remove(target);
				throw new RulesException(RulesErrorCode.RULE_STORE_FAILED,
						"Cannot write the rule file " + target.getFileName() + ": " + ex.getMessage());
			}
		}
	}

	/** Deletes every file of the rule, as the API's deletion of a rule. */
	void remove(String ruleId) {
		synchronized (applying) {
			for (Path path : List.copyOf(rules.keySet())) {
				if (ruleId.equals(rules.get(path))) {
					try {
						Files.deleteIfExists(path);
						rules.remove(path);
						written.remove(path);
					}
					catch (IOException ex) {
						throw new RulesException(RulesErrorCode.RULE_STORE_FAILED,
								"Cannot delete the rule file " + path.getFileName() + ": " + ex.getMessage());
					}
				}
			}
		}
	}

	private java.util.Optional<Path> fileOf(String ruleId) {
		return rules.entrySet().stream().filter(entry -> entry.getValue().equals(ruleId)).map(Map.Entry::getKey).sorted().findFirst();
	}

	/** Loads every allowed file; on the first scan of an authoritative directory, removes rules with no file. */
	void scan(boolean removeOthers) {
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter(RuleDirectory::allowed).sorted().toList();
		}
		catch (IOException ex) {
			LOG.warn("Cannot list the rules directory {}: {}", directory, ex.getMessage());
			return;
		}
		for (Path file : files) {
			changed(file);
		}
		if (removeOthers && authoritative) {
			Set<String> present = new HashSet<>(rules.values());
			// a file that failed to load may hold a rule in force, which stays: by the id it names, or, when its
			// id cannot be read, every rule stays until the file is fixed
			for (Path file : files) {
				if (problems.containsKey(file.getFileName().toString()) && !rules.containsKey(file)) {
					java.util.Optional<String> named = namedRuleId(file);
					if (named.isEmpty()) {
						LOG.warn("The rule file {} failed to load and names no readable rule_id; no rule is removed at start",
								file);
						return;
					}
					present.add(named.get());
				}
			}
			for (String ruleId : reads.sourceHashes().keySet()) {
				if (!present.contains(ruleId)) {
					catalog.removeIfPresent(RuleId.of(ruleId), actor);
				}
			}
		}
	}

	private static final Pattern RULE_ID_LINE = Pattern.compile("(?m)^rule_id:[ \\t]*['\"]?([A-Za-z0-9_.:-]+)['\"]?[ \\t]*(#.*)?$");

	/** The {@code rule_id} a file names on a line of its own, read without parsing the YAML. */
	private static java.util.Optional<String> namedRuleId(Path file) {
		try {
			java.util.regex.Matcher matcher = RULE_ID_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
			return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	static boolean allowed(Path path) {
		return ALLOWED.matcher(path.getFileName().toString()).matches();
	}

	private void watch() {
		Map<Path, Long> pending = new LinkedHashMap<>();
		WatchService service = watcher;
		while (service != null && !Thread.currentThread().isInterrupted()) {
			try {
				long now = System.nanoTime();
				long wait = pending.values().stream().mapToLong(due -> due - now).min().orElse(Long.MAX_VALUE);
				WatchKey key = wait == Long.MAX_VALUE ? service.take()
						: service.poll(Math.max(0, wait), java.util.concurrent.TimeUnit.NANOSECONDS);
				if (key != null) {
					boolean overflow = false;
					for (WatchEvent<?> event : key.pollEvents()) {
						if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
							overflow = true;
						}
						else if (event.context() instanceof Path name && allowed(name)) {
							pending.put(directory.resolve(name), System.nanoTime() + debounce.toNanos());
						}
					}
					key.reset();
					if (overflow) {
						pending.clear();
						scan(false);
						deletedSinceScan();
					}
				}
				long later = System.nanoTime();
				List<Path> due = new ArrayList<>();
				pending.forEach((path, at) -> {
					if (at - later <= 0) {
						due.add(path);
					}
				});
				due.forEach(pending::remove);
				due.forEach(this::changed);
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			catch (RuntimeException ex) {
				LOG.warn("Watching the rules directory {} failed once; it goes on", directory, ex);
			}
		}
	}

	private void deletedSinceScan() {
		for (Path path : List.copyOf(rules.keySet())) {
			if (!Files.exists(path)) {
				changed(path);
			}
		}
	}

	/** Applies what the file now holds, or its deletion. Never throws: a failure is logged and reported. */
	private void changed(Path path) {
		String name = path.getFileName().toString();
		synchronized (applying) {
			try {
				String source;
				try {
					source = Files.readString(path, StandardCharsets.UTF_8);
				}
				catch (NoSuchFileException ex) {
					deleted(path);
					return;
				}
				if (source.isBlank()) {
					return;
				}
				if (source.equals(written.remove(path))) {
					return;
				}
				RuleDefinition definition = StandardRuleSyntax.parser().parse(source);
				java.util.Optional<Path> holder = fileOf(definition.ruleId()).filter(other -> !other.equals(path));
				if (holder.isPresent()) {
					String held = rules.remove(path);
					if (held != null && fileOf(held).isEmpty()) {
						release(held);
					}
					problems.put(name, "rule_id " + definition.ruleId() + " is defined in "
							+ holder.get().getFileName() + " already; this file is not in force");
					LOG.warn("The rule file {} declares rule_id {}, which {} holds; it is not in force", path,
							definition.ruleId(), holder.get().getFileName());
					return;
				}
				String before = rules.put(path, definition.ruleId());
				if (before != null && !before.equals(definition.ruleId()) && fileOf(before).isEmpty()) {
					release(before);
				}
				catalog.define(definition, source, actor);
				problems.remove(name);
			}
			catch (RulesException ex) {
				problems.put(name, ex.getMessage());
				LOG.warn("The rule file {} is not in force: {}", path, ex.getMessage());
			}
			catch (IOException | RuntimeException ex) {
				problems.put(name, String.valueOf(ex.getMessage()));
				LOG.warn("The rule file {} could not be applied", path, ex);
			}
		}
	}

	private void deleted(Path path) {
		problems.remove(path.getFileName().toString());
		written.remove(path);
		String ruleId = rules.remove(path);
		if (ruleId == null || fileOf(ruleId).isPresent()) {
			return;
		}
		release(ruleId);
	}

	/**
	 * A rule no file holds any more: a file refused for declaring the same {@code rule_id} takes over (as one change),
	 * or the rule is removed.
	 */
	private void release(String ruleId) {
		for (String refused : new TreeMap<>(problems).keySet()) {
			String problem = problems.get(refused);
			if (problem != null && problem.startsWith("rule_id " + ruleId + " is defined in ")) {
				changed(directory.resolve(refused));
				if (fileOf(ruleId).isPresent()) {
					return;
				}
			}
		}
		catalog.removeIfPresent(RuleId.of(ruleId), actor);
	}
}
