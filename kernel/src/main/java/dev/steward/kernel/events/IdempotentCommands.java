package dev.steward.kernel.events;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.IdempotencyKeys;
import dev.steward.kernel.KernelErrorCode;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a command at most once per idempotency key. While the command runs, the key waits for the entry that
 * answers the request (the first one of the given type appended to this log), which then carries it; the log's
 * unique index on keys decides between two concurrent requests with one key, so the loser's transaction rolls back
 * and it answers like a later retry: with the first result, read back from the entry the key marks. A key used
 * before by another actor, or for another request, is {@code IDEMPOTENCY_KEY_REUSED}. A command that appends no
 * answering entry leaves no mark, so repeating it repeats a change that did not happen.
 */
public final class IdempotentCommands {

	private final EventLog log;

	public IdempotentCommands(EventLog log) {
		this.log = log;
	}

	/**
	 * @param key the request's idempotency key, or null to run the command plainly
	 * @param actor who asks; a key belongs to the actor who used it first
	 * @param answeringType the type of the entry that answers the request
	 * @param command the change, which runs its own transactions
	 * @param firstAnswer the answer that the entry a key marks stands for, or empty when that entry answers another
	 * request than this one
	 */
	public <R> R run(@Nullable String key, String actor, String answeringType, Supplier<R> command,
			Function<LogEntry, Optional<R>> firstAnswer) {
		if (IdempotencyKeys.check(key) == null) {
			return command.get();
		}
		Optional<LogEntry> first = log.byIdempotencyKey(key);
		if (first.isEmpty()) {
			Object resource = new Waiting(log.context());
			TransactionSynchronizationManager.bindResource(resource, new Claim(key, answeringType));
			try {
				return command.get();
			}
			catch (DuplicateKeyException ex) {
				first = log.byIdempotencyKey(key);
				if (first.isEmpty()) {
					throw ex;
				}
			}
			finally {
				TransactionSynchronizationManager.unbindResourceIfPossible(resource);
			}
		}
		LogEntry entry = first.get();
		Optional<R> answer = entry.actor().equals(actor) && entry.type().equals(answeringType)
				? firstAnswer.apply(entry) : Optional.empty();
		return answer.orElseThrow(() -> new CodedException(KernelErrorCode.IDEMPOTENCY_KEY_REUSED, "The idempotency key "
				+ key + " was used for another request (" + entry.type() + " at sequence " + entry.sequence() + ")"));
	}

	/** The key waiting for an entry of {@code type} in {@code log}, taken by the first such entry. */
	static @Nullable String claimKey(EventLog log, String type) {
		Waiting resource = new Waiting(log.context());
		if (TransactionSynchronizationManager.getResource(resource) instanceof Claim claim && claim.type().equals(type)) {
			TransactionSynchronizationManager.unbindResource(resource);
			return claim.key();
		}
		return null;
	}

	private record Waiting(String context) {
	}

	private record Claim(String key, String type) {
	}
}
