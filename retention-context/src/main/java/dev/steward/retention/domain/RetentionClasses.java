package dev.steward.retention.domain;

import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The retention classes there are. */
public interface RetentionClasses extends Repository<RetentionClass, RetentionClass.Name> {

	Optional<RetentionClass> findById(RetentionClass.Name name);

	/** All classes, ordered by name. */
	List<RetentionClass> findAll();

	/**
	 * Stores a new or changed class and appends its events, in the current transaction.
	 * @throws org.springframework.dao.DuplicateKeyException when a new class's name is taken
	 * @throws org.springframework.dao.OptimisticLockingFailureException when the stored version moved on
	 */
	RetentionClass save(RetentionClass retentionClass);
}
