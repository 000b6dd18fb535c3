package dev.steward.app.graphql.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each distinct document once: the outcome (the document, or its validation errors) is kept by
 * the document's exact text, in a cache bounded by the total length of the texts it holds. Variables, the operation
 * name and extensions are not part of the key and are checked for every request (see {@link TextGuard}); a document
 * an instrumentation refused (too many aliases, a NUL in a literal, …) throws and is never kept, so it is refused
 * again on every request.
 */
class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> entries;

	private final boolean enabled;

	DocumentCache(long maxChars) {
		this.enabled = maxChars > 0;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(Math.max(0, maxChars))
			.weigher((String text, PreparsedDocumentEntry entry) -> Math.max(1, text.length()))
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(entries.get(input.getQuery(), text -> parseAndValidate.apply(input)));
	}

	/** False when {@code steward.graphql.document-cache-chars} is 0: every request is parsed and validated. */
	boolean enabled() {
		return enabled;
	}

	/** How many documents are held now. */
	long size() {
		entries.cleanUp();
		return entries.estimatedSize();
	}
}
