package dev.steward.registry;

import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The registry context on its own, as its integration tests start it, with no retention behind it. */
@SpringBootApplication
class RegistryTestApplication {

	@Bean
	PackageRetention packageRetention() {
		return (id, retentionClass) -> new PackageRetention.RetentionSummary(retentionClass, null, List.of());
	}
}
