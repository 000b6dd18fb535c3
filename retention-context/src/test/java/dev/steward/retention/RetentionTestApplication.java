package dev.steward.retention;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The retention context on its own, as its integration tests start it. */
@SpringBootApplication
class RetentionTestApplication {
}
