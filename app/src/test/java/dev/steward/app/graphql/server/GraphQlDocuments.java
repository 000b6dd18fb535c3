package dev.steward.app.graphql.server;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Documents of an exact size, depth, cost or number of aliases. They select only {@code __typename} and
 * {@code __type}, which every schema has.
 */
final class GraphQlDocuments {

	private static final String TYPENAME = "{ __typename }";

	private GraphQlDocuments() {
	}

	/** {@code { __typename }} padded with a comment to the given number of characters. */
	static String ofSize(int characters) {
		String padded = TYPENAME + "\n#";
		return padded + "x".repeat(characters - padded.length());
	}

	/** {@code __type} with {@code ofType} nested inside until the innermost field sits at the given depth. */
	static String ofDepth(int depth) {
		int nested = depth - 2;
		return "{ __type(name: \"Query\") { " + "ofType { ".repeat(nested) + "name" + " }".repeat(nested) + " } }";
	}

	/**
	 * {@code __type} with {@code name} written in it until the query costs the given amount: every field written in
	 * the document costs 1, except {@code __typename}.
	 */
	static String ofCost(int cost) {
		return "{ __type(name: \"Query\") {" + " name".repeat(cost - 1) + " } }";
	}

	/** {@code __typename} under the given number of aliases. */
	static String withAliases(int aliases) {
		return IntStream.rangeClosed(1, aliases)
			.mapToObj(alias -> "a" + alias + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
	}
}
