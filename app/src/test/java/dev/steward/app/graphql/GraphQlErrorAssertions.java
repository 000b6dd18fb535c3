package dev.steward.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.SubscriptionPublisherException;

/** What a slice test expects of the errors a controller's refusal becomes: one error, with this code. */
public final class GraphQlErrorAssertions {

	private GraphQlErrorAssertions() {}

	/** Exactly one error, with this {@code extensions.code}, at this path. */
	public static Consumer<List<ResponseError>> onlyError(String code, String path) {
		return errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", code);
			assertThat(error.getPath()).isEqualTo(path);
		});
	}

	/** Exactly one error, with this {@code extensions.code}, at this path and with this message. */
	public static Consumer<List<ResponseError>> onlyError(String code, String path, String message) {
		return onlyError(code, path).andThen(errors -> assertThat(errors.get(0).getMessage()).isEqualTo(message));
	}

	/** A subscription refused at its start with one error of this code. */
	public static Consumer<Throwable> subscriptionRefused(String code) {
		return failure -> assertThat(failure).isInstanceOfSatisfying(SubscriptionPublisherException.class,
				refusal -> assertThat(refusal.getErrors()).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}
}
