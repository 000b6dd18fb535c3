package dev.steward.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BlobStoreRulesTests {

	final BlobStoreRules rules = BlobStoreRules.parse("ci-*/long_term=s3, */legal=archive, nightly/*=s3", "filesystem");

	@Test
	void picksTheStoreOfTheFirstRuleThatMatches() {
		assertThat(rules.storeFor("ci-web", "long_term")).isEqualTo("s3");
		assertThat(rules.storeFor("ci-web", "legal")).isEqualTo("archive");
		assertThat(rules.storeFor("nightly", "legal")).isEqualTo("archive");
		assertThat(rules.storeFor("nightly", "standard")).isEqualTo("s3");
	}

	@Test
	void fallsBackToTheDefaultStore() {
		assertThat(rules.storeFor("ci-web", "standard")).isEqualTo("filesystem");
		assertThat(rules.storeFor("manual", "long_term")).isEqualTo("filesystem");
		assertThat(BlobStoreRules.parse("", "filesystem").storeFor("any", "thing")).isEqualTo("filesystem");
	}

	@Test
	void takesPatternCharactersLiterallyExceptTheStar() {
		BlobStoreRules dotted = BlobStoreRules.parse("a.b/*=s3", "filesystem");

		assertThat(dotted.storeFor("a.b", "x")).isEqualTo("s3");
		assertThat(dotted.storeFor("aXb", "x")).isEqualTo("filesystem");
	}

	@Test
	void refusesARuleWithoutAStore() {
		assertThatIllegalArgumentException().isThrownBy(() -> BlobStoreRules.parse("ci/long_term", "filesystem"));
		assertThatIllegalArgumentException().isThrownBy(() -> BlobStoreRules.parse("ci=s3", "filesystem"));
	}
}
