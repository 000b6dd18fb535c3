package dev.steward.retention.domain;

import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The retention of every governed subject. */
public interface Retentions extends Repository<Retention, SubjectRef> {

	Optional<Retention> findById(SubjectRef subject);

	/** The subject's retention, its row locked until the transaction ends. */
	Optional<Retention> findForUpdate(SubjectRef subject);

	/** The retentions of those subjects that have one. */
	List<Retention> findAll(Collection<SubjectRef> subjects);

	/**
	 * Up to {@code limit} subjects due by {@code now} (expired, unheld, not eligible), oldest expiry first, their rows
	 * locked; rows another transaction holds are skipped. Reads the due subjects only, through an index.
	 */
	List<Retention> lockDue(Instant now, int limit);

	/** Up to {@code limit} eligible, unheld subjects not yet purged whose strategy is not manual, oldest first. */
	List<SubjectRef> eligibleForPurge(int limit);

	/**
	 * Stores a new or changed retention and appends its events, in the current transaction.
	 * @throws org.springframework.dao.DuplicateKeyException when a new subject's retention exists already
	 */
	Retention save(Retention retention);

	/** Stores changed retentions together and appends their events in order, in the current transaction. */
	void saveAll(List<Retention> retentions);
}
