package dev.steward.app.graphql.retention;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.SubjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Package.retention}: the retention of every package of a response, read in one batch. */
@Controller
@RequiresRole(Role.VIEWER)
class PackageRetentionGraphQlController {

	private final RetentionFacade retention;

	PackageRetentionGraphQlController(RetentionFacade retention) {
		this.retention = retention;
	}

	@BatchMapping(typeName = "Package", field = "retention")
	Map<PackageView, RetentionView> retention(List<PackageView> packages) {
		Map<SubjectRef, RetentionView> found = retention
			.findAll(packages.stream().map(PackageRetentionGraphQlController::subject).toList());
		Map<PackageView, RetentionView> byPackage = new HashMap<>();
		for (PackageView view : packages) {
			RetentionView kept = found.get(subject(view));
			if (kept != null) {
				byPackage.put(view, kept);
			}
		}
		return byPackage;
	}

	private static SubjectRef subject(PackageView view) {
		return SubjectRef.of("package", view.id().toString());
	}
}
