package dev.steward.app.registry;

import dev.steward.registry.PackageRetention;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * The registry's side of its seam with retention. Until the retention wiring provides the real
 * {@link PackageRetention}, a package's manifest records its class with no expiry and no holds. The fallback gives
 * way to any other bean of the type, whichever configuration is read first.
 */
@Configuration(proxyBeanMethods = false)
class RegistryWiring {

	@Bean
	@Fallback
	@ConditionalOnMissingBean(PackageRetention.class)
	PackageRetention packageRetentionWithoutRetention() {
		return (id, retentionClass) -> new PackageRetention.RetentionSummary(retentionClass, null, List.of());
	}
}
