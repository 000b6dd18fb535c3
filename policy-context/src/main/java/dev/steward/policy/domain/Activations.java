package dev.steward.policy.domain;

import java.util.Optional;
import org.jmolecules.ddd.annotation.Repository;

/**
 * What every slot points at. A slot's pointer and history are the projection of its appended events, written in
 * the transaction that appends them.
 */
@Repository
public interface Activations {

	/** The slot as it stands, serialized against other activations of it until the transaction ends. */
	Activation lock(Activation.Slot slot);

	/** Appends the events the slot recorded, and projects them, in the current transaction. */
	Activation save(Activation activation);

	/** The past activation with this sequence. */
	Optional<Activation.ActivationRecord> record(long sequence);
}
