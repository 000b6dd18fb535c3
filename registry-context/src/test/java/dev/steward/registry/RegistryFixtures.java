package dev.steward.registry;

import dev.steward.registry.RegistryFacade.CreatePackage;
import dev.steward.registry.RegistryFacade.FileView;
import dev.steward.registry.RegistryFacade.IngestFile;
import dev.steward.registry.RegistryFacade.PackageView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Packages and files as the registry's tests need them. */
final class RegistryFixtures {

	static final String ACTOR = "tester";

	private RegistryFixtures() {}

	static CreatePackage aPackage(String producer) {
		return new CreatePackage("build-" + UUID.randomUUID(), producer, "service-a", "standard",
				Map.of("build", 42, "branch", "main"), null, ACTOR);
	}

	static String anyProducer() {
		return "producer-" + UUID.randomUUID();
	}

	static PackageView created(RegistryFacade registry) {
		return registry.createPackage(aPackage(anyProducer()));
	}

	static FileView upload(RegistryFacade registry, PackageView pkg, String path, String text) {
		return registry.ingestFile(new IngestFile(pkg.id().toString(), path, "text/plain", ACTOR),
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).file();
	}
}
