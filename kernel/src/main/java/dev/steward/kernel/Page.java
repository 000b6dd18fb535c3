package dev.steward.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: the items in list order, whether the page starts after a position (so items
 * precede it) and whether more items follow its last one. Items that can be paged after are {@link Keyed}.
 * @param <T> the items
 */
public record Page<T>(List<T> items, boolean hasPrevious, boolean hasNext) {

	/** The most items one page may hold, whatever the list. */
	public static final int MAX_SIZE = 100;

	public Page {
		items = List.copyOf(items);
	}

	/**
	 * A page of at most {@code size} items out of a read of {@code size + 1}.
	 * @param after whether the read started after a position
	 */
	public static <T> Page<T> of(List<T> readOneMore, int size, boolean after) {
		return new Page<>(readOneMore.stream().limit(size).toList(), after, readOneMore.size() > size);
	}

	/**
	 * The size asked for, if it lies in 0..{@value #MAX_SIZE}.
	 * @throws CodedException {@code INVALID_ARGUMENT} otherwise; the same for every list
	 */
	public static int checkSize(int size) {
		if (size < 0 || size > MAX_SIZE) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT,
					"first must be between 0 and " + MAX_SIZE + ", was " + size);
		}
		return size;
	}

	/** The same page with each item mapped. */
	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), hasPrevious, hasNext);
	}
}
