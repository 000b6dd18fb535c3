package dev.steward.registry;

import java.time.Instant;

/**
 * Published synchronously inside the transaction that creates a package, after its {@code v1.package.created} entry
 * is appended. A listener that throws rolls the creation back: that is how another context refuses a package (an
 * unknown retention class, for example).
 * @param createdAt the creation event's own time, as the log stamped it
 */
public record PackageCreated(PackageId packageId, String retentionClass, Instant createdAt) {
}
