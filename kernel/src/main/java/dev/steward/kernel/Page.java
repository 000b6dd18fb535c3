package dev.steward.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: the items in list order and whether more follow the last one.
 * @param <T> the items
 */
public record Page<T>(List<T> items, boolean hasNext) {

	public Page {
		items = List.copyOf(items);
	}

	/** A page of at most {@code limit} items out of a read of {@code limit + 1}. */
	public static <T> Page<T> of(List<T> readOneMore, int limit) {
		return new Page<>(readOneMore.stream().limit(limit).toList(), readOneMore.size() > limit);
	}

	/** The same page with each item mapped. */
	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), hasNext);
	}
}
