package dev.steward.rules.domain;

import dev.steward.rules.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation of events against 60 rules on one thread: the twelve sample rules plus 48 more (36 command, 12 HTTP),
 * so that a command event meets 42 pattern rules and an HTTP event 15. The events cycle through eight realistic
 * ones, two in eight matching something. Throughput in events/s and the latency distribution (p95 in the
 * SampleTime output).
 * <p>
 * Run: {@code ./mvnw -pl rules-context -am test-compile exec:exec -Pbenchmark}.
 */
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class RuleEvaluationBenchmark {

	static final Instant NOW = Instant.now();

	@State(Scope.Benchmark)
	public static class Rules {

		RuleIndex index;

		List<SourceKind> kinds = new ArrayList<>();

		List<Map<String, Object>> events = new ArrayList<>();

		@Setup
		public void load() {
			List<CompiledRule> rules = new ArrayList<>();
			RuleFixtures.sampleFiles()
				.forEach(file -> rules.add(new CompiledRule(RuleFixtures.PARSER.parse(RuleFixtures.read(file)), RuleState.DEFAULT)));
			String[] tools = { "hydra", "medusa", "john", "hashcat", "mimikatz", "responder", "chisel", "ligolo",
					"socat", "ncat", "proxychains", "sshuttle" };
			for (int index = 0; index < 36; index++) {
				String tool = tools[index % tools.length];
				String pattern = switch (index % 3) {
					case 0 -> "\\b" + tool + "\\b.*\\s-[a-zA-Z]*" + (char) ('a' + index % 26);
					case 1 -> "(?i)\\b(" + tool + "|" + tool + index + ")\\s+--?\\w+";
					default -> "/tmp/\\." + tool + "[0-9]+\\.sh\\b";
				};
				rules.add(new CompiledRule(RuleFixtures.PARSER.parse(RuleFixtures.commandRule("B" + index, 1, pattern, 0.7)),
						RuleState.DEFAULT));
			}
			for (int index = 0; index < 12; index++) {
				rules.add(new CompiledRule(RuleFixtures.PARSER.parse("""
						rule_id: H%d
						rule_version: 1
						name: http_probe_%d
						applies_to: [http_request]
						match: {pattern: '(?i)/(wp-admin|phpmyadmin|\\.git|\\.env|cgi-bin)/%d'}
						emits: [{tactic: TA0043, technique_id: T1595, sub_technique_id: T1595.003, confidence: 0.5}]
						evidence_fields: [raw_url]
						""".formatted(index, index, index)), RuleState.DEFAULT));
			}
			index = RuleIndex.of(rules, 1);
			if (rules.size() != 60) {
				throw new IllegalStateException("expected 60 rules, have " + rules.size());
			}
			add(SourceKind.COMMAND, Map.of("command_text", "ls -la /var/www/html", "user", "www-data"));
			add(SourceKind.COMMAND, Map.of("command_text", "find / -perm -4000 -type f 2>/dev/null", "user", "www-data"));
			add(SourceKind.COMMAND, Map.of("command_text", "cat /etc/passwd | grep -v nologin", "user", "root"));
			add(SourceKind.COMMAND, Map.of("command_text", "cd /tmp && chmod +x ./x && ./x -h 10.0.0.1 -p 4444"));
			add(SourceKind.COMMAND, Map.of("command_text", "uname -a; id; w; ps aux --forest | head -50"));
			add(SourceKind.HTTP_REQUEST, Map.of("raw_url", "/index.php?page=home&lang=en", "user_agent", "Mozilla/5.0"));
			add(SourceKind.HTTP_REQUEST, Map.of("raw_url", "/static/../../../../etc/passwd", "user_agent", "curl/8.5"));
			add(SourceKind.HTTP_REQUEST, Map.of("raw_url", "/api/v2/items?limit=50&offset=100", "user_agent", "okhttp/4"));
		}

		private void add(SourceKind kind, Map<String, Object> event) {
			kinds.add(kind);
			events.add(event);
		}
	}

	@State(Scope.Thread)
	public static class Cursor {

		int next;
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Object throughput(Rules rules, Cursor cursor) {
		int at = cursor.next++ & 7;
		return rules.index.evaluate(rules.kinds.get(at), "e", rules.events.get(at), NOW);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Object latency(Rules rules, Cursor cursor) {
		int at = cursor.next++ & 7;
		return rules.index.evaluate(rules.kinds.get(at), "e", rules.events.get(at), NOW);
	}
}
