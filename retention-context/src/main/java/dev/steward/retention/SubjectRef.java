package dev.steward.retention;

import java.util.regex.Pattern;
import org.jmolecules.ddd.types.Identifier;

/**
 * A subject that retention governs: its kind ({@code package}, {@code publish_run}, …) and its id within that kind.
 * Retention knows nothing else about it; the context that owns the subject deletes it through a
 * {@link RetentionSubjectHandler} of its kind.
 * @param kind lower-case letters, digits and underscores, starting with a letter, at most 32 characters
 * @param id 1 to 200 characters, without surrounding whitespace
 */
public record SubjectRef(String kind, String id) implements Identifier {

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	public static final int MAX_ID_LENGTH = 200;

	/**
	 * @throws RetentionException {@code RETENTION_SUBJECT_INVALID} when the kind or the id breaks its rule
	 */
	public SubjectRef {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new RetentionException(RetentionErrorCode.RETENTION_SUBJECT_INVALID,
					"A subject kind is 1 to 32 lower-case letters, digits and underscores starting with a letter, not "
							+ kind);
		}
		if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.strip().equals(id)) {
			throw new RetentionException(RetentionErrorCode.RETENTION_SUBJECT_INVALID,
					"A subject id is 1 to " + MAX_ID_LENGTH + " characters without surrounding whitespace");
		}
	}

	public static SubjectRef of(String kind, String id) {
		return new SubjectRef(kind, id);
	}

	@Override
	public String toString() {
		return kind + ":" + id;
	}
}
