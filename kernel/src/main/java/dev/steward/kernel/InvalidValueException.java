package dev.steward.kernel;

/** A value outside the canonical model (see {@link CanonicalCbor}): {@code INVALID_ARGUMENT}, naming where. */
public class InvalidValueException extends CodedException {

	private final String path;

	public InvalidValueException(String path, String problem) {
		super(KernelErrorCode.INVALID_ARGUMENT, "At " + path + ": " + problem);
		this.path = path;
	}

	/** Where in the value the problem is, as {@code $.key[index]}. */
	public String path() {
		return path;
	}
}
