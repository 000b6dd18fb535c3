package dev.steward.app.graphql.events;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.events.ChainVerification;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.kernel.events.LogHead;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The event logs of every context, found by name: a new context's log is served with no code here. */
@Controller
@RequiresRole(Role.VIEWER)
class EventLogGraphQlController {

	private final Map<String, EventLog> logs = new TreeMap<>();

	EventLogGraphQlController(List<EventLog> logs) {
		logs.forEach(log -> this.logs.put(log.context(), log));
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	List<String> eventLogs() {
		return List.copyOf(logs.keySet());
	}

	@QueryMapping
	@RequiresRole(Role.VIEWER)
	LogHead eventLogHead(@Argument String context) {
		return log(context).chainHead();
	}

	@QueryMapping
	@RequiresRole(Role.ADMIN)
	ChainVerification verifyEventLog(@Argument String context) {
		return log(context).verify();
	}

	@SchemaMapping(typeName = "PolicyEvent", field = "payloadCbor")
	String payloadCbor(LogEntry entry) {
		return Base64.getEncoder().encodeToString(entry.payloadCbor());
	}

	private EventLog log(String context) {
		EventLog log = logs.get(context);
		if (log == null) {
			throw new CodedException(KernelErrorCode.EVENT_LOG_NOT_FOUND,
					"There is no event log " + context + "; the logs are " + String.join(", ", logs.keySet()));
		}
		return log;
	}
}
