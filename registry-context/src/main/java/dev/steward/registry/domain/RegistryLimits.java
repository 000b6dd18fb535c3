package dev.steward.registry.domain;

import java.time.Duration;

/**
 * The registry's configured limits.
 * @param maxFileBytes the largest file one upload may store
 * @param orphanGracePeriod how long stored bytes that no file records are kept before they are collected; longer
 * than any upload's transaction can take
 */
public record RegistryLimits(long maxFileBytes, Duration orphanGracePeriod) {
}
