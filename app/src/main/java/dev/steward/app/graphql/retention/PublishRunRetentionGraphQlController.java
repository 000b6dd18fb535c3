package dev.steward.app.graphql.retention;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.SubjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code PublishRun.retention}: the retention of every run of a response, read in one batch. */
@Controller
@RequiresRole(Role.VIEWER)
class PublishRunRetentionGraphQlController {

	private final RetentionFacade retention;

	PublishRunRetentionGraphQlController(RetentionFacade retention) {
		this.retention = retention;
	}

	@BatchMapping(typeName = "PublishRun", field = "retention")
	Map<PublishRunView, RetentionView> retention(List<PublishRunView> runs) {
		Map<SubjectRef, RetentionView> found = retention.findAll(runs.stream()
			.map(run -> SubjectRef.of("publish_run", Long.toString(run.publishRunId())))
			.toList());
		Map<PublishRunView, RetentionView> byRun = new HashMap<>();
		for (PublishRunView run : runs) {
			RetentionView view = found.get(SubjectRef.of("publish_run", Long.toString(run.publishRunId())));
			if (view != null) {
				byRun.put(run, view);
			}
		}
		return byRun;
	}
}
