package dev.steward.app.graphql.server;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's depth check, answering with the {@code QUERY_TOO_DEEP} code. */
class DepthLimit extends MaxQueryDepthInstrumentation {

	DepthLimit(int maxDepth) {
		super(maxDepth);
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return RefusalCode.QUERY_TOO_DEEP.abort("The query is %d levels deep, more than the limit of %d.", depth,
				maxDepth);
	}
}
