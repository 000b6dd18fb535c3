package dev.steward.app.graphql.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code steward.graphql}, each also an environment variable such as
 * {@code STEWARD_GRAPHQL_MAX_DEPTH}.
 *
 * @param maxDocumentSize the longest document accepted, in characters
 * @param maxDepth the deepest nesting of fields accepted, the top-level field being at depth 1
 * @param maxCost the most fields a document may select, counting a fragment once per use
 * @param maxAliases the most aliases a document may contain
 * @param timeout how long a request may run before it is answered with an error; for a subscription, until its
 * stream starts
 * @param introspection whether {@code __schema} and {@code __type} are answered ({@code __typename} always is)
 * @param graphiqlEnabled whether the GraphiQL page is served at {@code /graphiql}
 * @param maxFragments the most fragment definitions a document may contain
 * @param maxSelections the most selections the operations of a document together, and any one fragment, may hold
 * once every fragment spread is replaced by the fragment's selections
 * @param maxRequestSize the largest HTTP request body accepted, in bytes
 * @param maxMessageSize the largest graphql-ws message accepted, in characters; a larger one closes the connection
 * with 1009. At least the document limit, so that a document within its limit always fits with its variables
 */
@ConfigurationProperties("steward.graphql")
record GraphQlServerProperties(@DefaultValue("16384") int maxDocumentSize, @DefaultValue("12") int maxDepth,
		@DefaultValue("2000") int maxCost, @DefaultValue("30") int maxAliases, @DefaultValue("30s") Duration timeout,
		@DefaultValue("true") boolean introspection, @DefaultValue("true") boolean graphiqlEnabled,
		@DefaultValue("100") int maxFragments, @DefaultValue("5000") int maxSelections,
		@DefaultValue("4194304") int maxRequestSize, @DefaultValue("65536") int maxMessageSize) {

	GraphQlServerProperties {
		requirePositive("max-document-size", maxDocumentSize);
		requirePositive("max-depth", maxDepth);
		requirePositive("max-cost", maxCost);
		requirePositive("max-selections", maxSelections);
		if (maxFragments < 0) {
			throw new IllegalArgumentException(
					"steward.graphql.max-fragments must not be negative but is " + maxFragments);
		}
		if (maxRequestSize < maxDocumentSize) {
			throw new IllegalArgumentException("steward.graphql.max-request-size (" + maxRequestSize
					+ ") must be at least steward.graphql.max-document-size (" + maxDocumentSize + ")");
		}
		if (maxMessageSize < maxDocumentSize + 1024) {
			throw new IllegalArgumentException("steward.graphql.max-message-size (" + maxMessageSize
					+ ") must exceed steward.graphql.max-document-size (" + maxDocumentSize + ") by at least 1024");
		}
		if (maxAliases < 0) {
			throw new IllegalArgumentException("steward.graphql.max-aliases must not be negative but is " + maxAliases);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("steward.graphql.timeout must be positive but is " + timeout);
		}
	}

	private static void requirePositive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("steward.graphql." + name + " must be positive but is " + value);
		}
	}
}
