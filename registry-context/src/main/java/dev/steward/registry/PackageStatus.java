package dev.steward.registry;

import java.util.Locale;

/**
 * Where a package is in its life: {@code created} (files may be added), {@code finalized} (its manifest is fixed,
 * nothing changes any more), {@code purged} (its bytes are gone; a tombstone keeps its metadata and, when asked
 * to, its manifest).
 */
public enum PackageStatus {

	CREATED, FINALIZED, PURGED;

	/** The status as the log and the views write it: {@code created}, {@code finalized}, {@code purged}. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PackageStatus ofWire(String wire) {
		return valueOf(wire.toUpperCase(Locale.ROOT));
	}
}
