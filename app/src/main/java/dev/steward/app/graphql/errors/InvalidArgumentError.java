package dev.steward.app.graphql.errors;

/** An argument outside what a field accepts (a page size, a cursor, a JSON shape). */
public class InvalidArgumentError extends RuntimeException {

	public InvalidArgumentError(String message) {
		super(message);
	}
}
