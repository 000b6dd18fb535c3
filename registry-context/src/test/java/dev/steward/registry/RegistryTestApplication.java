package dev.steward.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The registry context on its own, as its integration tests start it. */
@SpringBootApplication
class RegistryTestApplication {
}
