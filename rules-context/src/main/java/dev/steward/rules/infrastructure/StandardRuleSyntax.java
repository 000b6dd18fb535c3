package dev.steward.rules.infrastructure;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.steward.rules.domain.RuleParser;
import dev.steward.rules.domain.RuleSyntax;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Rules read with snakeyaml-engine (YAML 1.2, core schema: plain data only, no tags that build objects) and
 * patterns compiled with RE2/J, whose matching time is linear in the input whatever the pattern.
 */
public final class StandardRuleSyntax implements RuleSyntax {

	private static final RuleParser PARSER = new RuleParser(new StandardRuleSyntax());

	/** The parser every part of the rules context reads rules with. */
	public static RuleParser parser() {
		return PARSER;
	}

	@Override
	public @Nullable Object readYaml(String yaml, int maxAliases, int maxChars) {
		LoadSettings settings = LoadSettings.builder()
			.setSchema(new CoreSchema())
			.setAllowDuplicateKeys(false)
			.setAllowRecursiveKeys(false)
			.setMaxAliasesForCollections(maxAliases)
			.setCodePointLimit(maxChars)
			.setLabel("rule")
			.build();
		try {
			return new Load(settings).loadFromString(yaml);
		}
		catch (YamlEngineException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	@Override
	public TextPattern compile(String pattern) {
		Pattern compiled;
		try {
			compiled = Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(ex.getDescription(), ex);
		}
		return new Re2jPattern(compiled, RequiredLiteral.of(pattern));
	}

	/** A pattern, and the literal every match contains: text without it is turned away before the engine runs. */
	private record Re2jPattern(Pattern pattern, @Nullable RequiredLiteral literal) implements TextPattern {

		@Override
		public String source() {
			return pattern.pattern();
		}

		@Override
		public boolean find(CharSequence text) {
			return (literal == null || literal.foundIn(text)) && pattern.matcher(text).find();
		}
	}
}
