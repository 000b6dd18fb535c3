package dev.steward.app.graphql.server;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/**
 * graphql-java's complexity check, answering with the {@code QUERY_TOO_COSTLY} code. Every field of the operation
 * costs 1, {@code __typename} nothing; a fragment's fields count once per selection set that spreads it.
 */
class CostLimit extends MaxQueryComplexityInstrumentation {

	CostLimit(int maxCost) {
		super(maxCost);
	}

	@Override
	protected AbortExecutionException mkAbortException(int cost, int maxCost) {
		return RefusalCode.QUERY_TOO_COSTLY.abort("The query costs %d, more than the limit of %d.", cost, maxCost);
	}
}
