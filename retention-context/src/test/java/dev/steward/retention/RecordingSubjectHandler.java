package dev.steward.retention;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deletes subjects of kind {@value #KIND} by remembering them: what a real kind's handler would delete. */
public class RecordingSubjectHandler implements RetentionSubjectHandler {

	public static final String KIND = "test_subject";

	private final List<SubjectRef> purged = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void purge(SubjectRef subject, DeletionStrategy strategy) {
		if (failing) {
			throw new IllegalStateException("the store is down");
		}
		purged.add(subject);
	}

	public List<SubjectRef> purged() {
		return List.copyOf(purged);
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}
}
