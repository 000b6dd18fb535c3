package dev.steward.retention;

import dev.steward.testing.MovableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The retention context on its own, as its integration tests start it, with a clock they can move and a
 * subject kind whose deletions they can see. */
@SpringBootApplication
class RetentionTestApplication {

	@Bean
	MovableClock clock() {
		return new MovableClock();
	}

	@Bean
	RecordingSubjectHandler recordingSubjectHandler() {
		return new RecordingSubjectHandler();
	}
}
