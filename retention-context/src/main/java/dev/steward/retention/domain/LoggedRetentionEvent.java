package dev.steward.retention.domain;

import dev.steward.kernel.events.LoggedEvent;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A domain event of the retention context, appended to the retention log in the transaction that records it. */
public interface LoggedRetentionEvent extends LoggedEvent {

	/** The subject the event is about; class events have none. */
	@Nullable SubjectRef subject();

	@Override
	default String subjectKind() {
		SubjectRef subject = subject();
		return subject == null ? dev.steward.retention.RetentionEvents.CLASS_SUBJECT_KIND : subject.kind();
	}

	/** A payload that starts with the subject's kind and id. */
	static Map<String, Object> payloadOf(SubjectRef subject) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("subject_kind", subject.kind());
		payload.put("subject_id", subject.id());
		return payload;
	}

	/** An instant as the log spells it: ISO-8601 in UTC, microsecond precision. */
	static @Nullable String iso(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
	}
}
