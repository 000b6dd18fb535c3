package dev.steward.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParserTests {

	@Test
	void readsEveryFieldOfTheFormat() {
		String yaml = RuleFixtures.read(RuleFixtures.SAMPLES.resolve("R0015_suid_search.yaml"));

		RuleDefinition rule = RuleFixtures.PARSER.parse(yaml);

		assertThat(rule.ruleId()).isEqualTo("R0015");
		assertThat(rule.ruleVersion()).isEqualTo(1);
		assertThat(rule.name()).isEqualTo("suid_search");
		assertThat(rule.description()).startsWith("find with -perm");
		assertThat(rule.appliesTo()).containsExactly(SourceKind.COMMAND);
		assertThat(rule.match().field()).isEqualTo("command_text");
		assertThat(rule.match().external()).isFalse();
		assertThat(rule.emits()).containsExactly(new Emit("T1083", null, "TA0007", 0.85),
				new Emit("T1548", "T1548.001", "TA0004", 0.95));
		assertThat(rule.evidenceFields()).containsExactly("command_text");
	}

	@Test
	void loadsEverySampleRule() {
		var files = RuleFixtures.sampleFiles();

		var rules = files.stream().map(RuleFixtures::read).map(RuleFixtures.PARSER::parse).toList();

		assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
		assertThat(rules.stream().flatMap(rule -> rule.appliesTo().stream()).distinct()).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void ignoresUnknownKeys() {
		String yaml = RuleFixtures.commandRule("X1", 1, "x", 0.5) + "last_reviewed: 2026-01-01\nowner: {team: blue}\n";

		RuleDefinition rule = RuleFixtures.PARSER.parse(yaml);

		assertThat(rule.ruleId()).isEqualTo("X1");
	}

	@Test
	void marksLifterRulesAsExternalWithTheirParameters() {
		String yaml = RuleFixtures.read(RuleFixtures.SAMPLES.resolve("R0001_auth_brute_force.yaml"));

		RuleDefinition rule = RuleFixtures.PARSER.parse(yaml);

		assertThat(rule.match().external()).isTrue();
		assertThat(rule.match().kind()).isEqualTo("lifter:credential_auth_brute_generic");
		assertThat(rule.match().parameters()).containsEntry("fail_threshold", 5L).containsEntry("window_minutes", 5L);
	}

	@Test
	void reportsEveryProblemAtOnce() {
		String yaml = """
				rule_id: "bad id!"
				rule_version: 0
				applies_to: [command, telepathy]
				match:
				  pattern: '(unclosed'
				emits:
				  - {tactic: TA0002, confidence: 1.5}
				  - just text
				""";

		var refusal = assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml)).actual();

		assertThat(refusal.code()).isEqualTo(RulesErrorCode.RULE_INVALID);
		assertThat(refusal.problems()).hasSize(8)
			.anyMatch(problem -> problem.startsWith("rule_id must be"))
			.anyMatch(problem -> problem.startsWith("rule_version"))
			.anyMatch(problem -> problem.equals("name is required"))
			.anyMatch(problem -> problem.contains("unknown source kind 'telepathy'"))
			.anyMatch(problem -> problem.startsWith("match.pattern does not compile"))
			.anyMatch(problem -> problem.equals("emits[0].technique_id is required"))
			.anyMatch(problem -> problem.equals("emits[0].confidence must be a number between 0 and 1"))
			.anyMatch(problem -> problem.equals("emits[1] must be a mapping"));
	}

	@Test
	void refusesATopLevelThatIsNotAMapping() {
		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse("- a\n- b\n"))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly("the rule must be a YAML mapping at the top level"));
	}

	@Test
	void refusesTagsThatWouldBuildObjects() {
		String yaml = "rule_id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";

		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_INVALID));
	}

	@Test
	void refusesAnAliasBomb() {
		StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
		for (int level = 1; level < 30; level++) {
			yaml.append("a").append(level).append(": &a").append(level).append(" [");
			yaml.append(("*a" + (level - 1) + ", ").repeat(8)).append("*a").append(level - 1).append("]\n");
		}

		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml.toString()))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RulesErrorCode.RULE_INVALID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rule_id: R1\na: &a [*a]\n", "a: &a {b: *a}\n",
			"rule_id: R1\nrule_version: 1\nmatch: &m {field: command_text, pattern: x, again: *m}\n" })
	void refusesAnAliasThatRefersToItselfAsEndlesslyDeep(String yaml) {
		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly("the rule nests more than 16 levels deep"));
	}

	@Test
	void refusesDeepNestingBeforeParsing() {
		String yaml = "rule_id: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly("the rule nests more than 16 levels deep"));
	}

	@Test
	void refusesARuleLargerThanTheLimit() {
		String yaml = "description: '" + "x".repeat(RuleParser.MAX_CHARS) + "'\n";

		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml))
			.satisfies(ex -> assertThat(ex.problems()).singleElement().asString().contains("at most"));
	}

	@Test
	void refusesAPatternRuleOnAKindWithNoDefaultFieldUnlessItNamesOne() {
		String yaml = """
				rule_id: S1
				rule_version: 1
				name: session_rule
				applies_to: [session]
				match: {pattern: x}
				emits: [{tactic: TA0011, technique_id: T1071, confidence: 0.5}]
				""";

		assertThatExceptionOfType(RulesException.class).isThrownBy(() -> RuleFixtures.PARSER.parse(yaml))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(
					"match.field is needed: source kind session has no default field"));
	}

	@Test
	void treatsAnEmptySubTechniqueAsNone() {
		String yaml = RuleFixtures.commandRule("X2", 1, "x", 0.5).replace("sub_technique_id: T1059.004", "sub_technique_id: ''");

		RuleDefinition rule = RuleFixtures.PARSER.parse(yaml);

		assertThat(rule.emits().getFirst().subTechniqueId()).isNull();
	}
}
