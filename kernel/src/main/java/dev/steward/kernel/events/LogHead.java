package dev.steward.kernel.events;

/**
 * The newest entry of a log: pin it, and a later verification that still finds this chain hash at this sequence
 * proves that nothing up to it has changed since.
 * @param chainHash the chain hash of entry {@code sequence}; 64 zeros for an empty log
 */
public record LogHead(String context, long sequence, String chainHash) {
}
