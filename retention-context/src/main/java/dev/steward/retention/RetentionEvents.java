package dev.steward.retention;

import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.RetentionFacade.RetentionEventView;
import java.util.Set;

/**
 * The types of the retention log's events, and the reader that turns an entry into its view. Retention events name
 * the governed subject as the entry's subject kind and id; class events have the subject kind
 * {@value #CLASS_SUBJECT_KIND} and the class's name.
 */
public final class RetentionEvents {

	public static final String DEFAULT_APPLIED = "v1.retention.default_applied";

	public static final String EXTENDED = "v1.retention.extended";

	public static final String SHORTENED = "v1.retention.shortened";

	public static final String HOLD_APPLIED = "v1.retention.hold_applied";

	public static final String HOLD_RELEASED = "v1.retention.hold_released";

	public static final String DELETION_ELIGIBLE = "v1.retention.deletion_eligible";

	public static final String PURGED = "v1.retention.purged";

	public static final String CLASS_CREATED = "v1.retention_class.created";

	public static final String CLASS_CHANGED = "v1.retention_class.changed";

	public static final String CLASS_SUBJECT_KIND = "retention_class";

	/** The types that change a subject's retention. */
	public static final Set<String> SUBJECT_TYPES = Set.of(DEFAULT_APPLIED, EXTENDED, SHORTENED, HOLD_APPLIED,
			HOLD_RELEASED, DELETION_ELIGIBLE, PURGED);

	private RetentionEvents() {}

	/** The entry as its view. */
	public static RetentionEventView view(LogEntry entry) {
		return new RetentionEventView(entry.sequence(), entry.eventId(), entry.type(), entry.subjectKind(),
				entry.subjectId(), entry.actor(), entry.payload(), entry.payloadCbor(), entry.payloadDigest(),
				entry.chainHash(), entry.createdAt());
	}
}
