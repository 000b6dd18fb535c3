package dev.steward.registry.domain;

import dev.steward.registry.PackageId;
import java.time.Instant;
import java.util.Map;

/** A package was finalized: {@code v1.package.finalized}, whose payload is the manifest itself. */
public record PackageFinalized(PackageId packageId, Manifest manifest, String actor) implements LoggedRegistryEvent {

	public static final String TYPE = "v1.package.finalized";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "package";
	}

	@Override
	public String subjectId() {
		return packageId.toString();
	}

	@Override
	public Map<String, Object> payload() {
		return manifest.content();
	}

	/** The manifest names the event's own time. */
	@Override
	public Instant recordedAt() {
		return manifest.finalizedAt();
	}
}
