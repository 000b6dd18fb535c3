package dev.steward.retention.infrastructure;

import dev.steward.retention.domain.LoggedRetentionEvent;
import java.util.List;

/** The events several aggregates recorded, saved in one statement, in the order they were recorded. */
record RetentionEventBatch(List<LoggedRetentionEvent> events) {

	RetentionEventBatch {
		events = List.copyOf(events);
	}
}
