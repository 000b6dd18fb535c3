package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.steward.rules.domain.RuleFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequiredLiteralTests {

	@Test
	void findsTheLongestTopLevelRun() {
		assertThat(RequiredLiteral.of("\\bfind\\b.*-perm\\s+(?:-?u\\+?=s|-?4000)")).isEqualTo(new RequiredLiteral("-perm", false));
		assertThat(RequiredLiteral.of("/etc/shadow\\b")).isEqualTo(new RequiredLiteral("/etc/shadow", false));
		assertThat(RequiredLiteral.of("/tmp/\\.hydra[0-9]+\\.sh\\b")).isEqualTo(new RequiredLiteral("/tmp/.hydra", false));
		assertThat(RequiredLiteral.of("(?i)\\bsqlmap/\\d")).isEqualTo(new RequiredLiteral("sqlmap/", true));
	}

	@Test
	void leavesOutCharactersMadeOptional() {
		assertThat(RequiredLiteral.of("colou?r-code")).isEqualTo(new RequiredLiteral("r-code", false));
		assertThat(RequiredLiteral.of("abcdx*")).isEqualTo(new RequiredLiteral("abcd", false));
		assertThat(RequiredLiteral.of("abcdx{0,3}")).isEqualTo(new RequiredLiteral("abcd", false));
		assertThat(RequiredLiteral.of("abcdx{2}")).isEqualTo(new RequiredLiteral("abcdx", false));
	}

	@Test
	void givesNoneWhereItCannotBeSure() {
		assertThat(RequiredLiteral.of("\\b(nmap|masscan)\\b")).isNull();
		assertThat(RequiredLiteral.of("wget|curl")).isNull();
		assertThat(RequiredLiteral.of("\\x41BCDEF")).isNull();
		assertThat(RequiredLiteral.of("\\QABCDEF\\E")).isNull();
		assertThat(RequiredLiteral.of("\\pLabcdef")).isNull();
		assertThat(RequiredLiteral.of("ab")).isNull();
	}

	@Test
	void neverTurnsAwayTextThePatternMatches() {
		List<String> patterns = new ArrayList<>();
		RuleFixtures.sampleFiles()
			.stream()
			.map(RuleFixtures::read)
			.map(RuleFixtures.PARSER::parse)
			.filter(rule -> rule.match().pattern() != null)
			.forEach(rule -> patterns.add(rule.match().pattern().source()));
		patterns.addAll(List.of("(?i)KELVIN", "(?i)sſs-kk", "colou?r-code", "abc+d", "x{0}yz", "a.b.cde", "[]abc]def",
				"(?i:ab)CDE", "abc(?i)DEF"));
		String alphabet = "abcdefgsSkKſ\u212a-/.%2e_rRcCoOlLuUdD ()$ {}jndi:ldap../etc/shadowfind-perm4000 nmap wget http://";
		Random random = new Random(42);
		int checked = 0;
		for (String source : patterns) {
			Pattern pattern = Pattern.compile(source);
			RequiredLiteral literal = RequiredLiteral.of(source);
			for (int sample = 0; sample < 20_000; sample++) {
				StringBuilder text = new StringBuilder();
				for (int length = random.nextInt(40); length > 0; length--) {
					text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				if (random.nextInt(4) == 0) {
					text.insert(random.nextInt(text.length() + 1), source.replaceAll("[\\\\()?*+\\[\\]{}|^$]", ""));
				}
				if (pattern.matcher(text).find()) {
					checked++;
					assertThat(literal == null || literal.foundIn(text)).as("%s in %s", source, text).isTrue();
				}
			}
		}
		assertThat(checked).isGreaterThan(1_000);
	}

	@Test
	void foldsCaseAsRe2Does() {
		RequiredLiteral literal = RequiredLiteral.of("(?i)kelvins");

		assertThat(literal.foundIn("\u212aELVIN\u017f")).isTrue();
		assertThat(Pattern.compile("(?i)kelvins").matcher("\u212aELVIN\u017f").find()).isTrue();
		assertThat(literal.foundIn("kelvin")).isFalse();
	}
}
