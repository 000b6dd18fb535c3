package dev.steward.rules;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The rules context on its own, as its integration tests start it. */
@SpringBootApplication
class RulesTestApplication {
}
