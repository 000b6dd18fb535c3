package dev.steward.app.graphql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.execution.SchemaReport;

@SpringBootTest
class SchemaInspectionIntegrationTests {

	@Autowired
	SchemaInspection inspection;

	@Test
	void everyFieldArgumentAndControllerMethodIsMapped() {
		SchemaReport report = inspection.report();

		assertThat(inspection.unmappedFields()).as(report.toString()).isEmpty();
		assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
		assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
		assertThat(report.skippedTypes()).as(report.toString()).isEmpty();
	}
}
