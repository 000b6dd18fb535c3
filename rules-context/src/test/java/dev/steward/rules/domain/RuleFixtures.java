package dev.steward.rules.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Rules as tests need them: the shipped sample set and small rules made up on the spot. */
public final class RuleFixtures {

	/** The parser the context reads rules with. */
	public static final RuleParser PARSER = dev.steward.rules.infrastructure.StandardRuleSyntax.parser();

	/** The sample rules the README's quick start uses, at the repository's root. */
	public static final Path SAMPLES = Path.of("..", "rules");

	private RuleFixtures() {}

	public static List<Path> sampleFiles() {
		try (Stream<Path> files = Files.list(SAMPLES)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A command rule matching {@code pattern} in {@code command_text} with one emit. */
	public static String commandRule(String ruleId, int version, String pattern, double confidence) {
		return """
				rule_id: %s
				rule_version: %d
				name: test_%s
				applies_to: [command]
				match:
				  pattern: '%s'
				emits:
				  - {tactic: TA0002, technique_id: T1059, sub_technique_id: T1059.004, confidence: %s}
				evidence_fields: [command_text]
				""".formatted(ruleId, version, ruleId.toLowerCase(), pattern, confidence);
	}
}
