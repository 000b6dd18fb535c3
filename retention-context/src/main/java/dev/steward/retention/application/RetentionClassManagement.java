package dev.steward.retention.application;

import dev.steward.retention.RetentionClassFacade;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionException;
import dev.steward.retention.domain.RetentionClass;
import dev.steward.retention.domain.RetentionClasses;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and lists retention classes; each change and its log entry commit together. */
@Service
@Transactional
class RetentionClassManagement implements RetentionClassFacade {

	private final RetentionClasses classes;

	private final Clock clock;

	RetentionClassManagement(RetentionClasses classes, ObjectProvider<Clock> clock) {
		this.classes = classes;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	@Transactional(readOnly = true)
	public List<RetentionClassView> classes() {
		return classes.findAll().stream().map(RetentionClassManagement::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RetentionClassView> find(String name) {
		if (!RetentionClass.Name.isValid(name)) {
			return Optional.empty();
		}
		return classes.findById(new RetentionClass.Name(name)).map(RetentionClassManagement::view);
	}

	@Override
	public RetentionClassView create(CreateRetentionClass command) {
		RetentionClass created = invalidAsClassError(() -> RetentionClass.create(new RetentionClass.Name(command.name()),
				command.defaultDurationSeconds(), command.deletionStrategy(), command.mode(),
				Objects.requireNonNullElse(command.description(), ""), command.actor(), clock.instant()));
		try {
			return view(classes.save(created));
		}
		catch (DuplicateKeyException ex) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CLASS_EXISTS,
					"Retention class " + command.name() + " exists already");
		}
	}

	@Override
	public RetentionClassView change(ChangeRetentionClass command) {
		RetentionClass found = RetentionClass.Name.isValid(command.name())
				? classes.findById(new RetentionClass.Name(command.name())).orElse(null) : null;
		if (found == null) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CLASS_UNKNOWN,
					"There is no retention class " + command.name());
		}
		Long duration = command.keepForever() ? null
				: Objects.requireNonNullElse(command.defaultDurationSeconds(), found.defaultDurationSeconds());
		if (command.keepForever() && command.defaultDurationSeconds() != null) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CLASS_INVALID,
					"Give either defaultDurationSeconds or keepForever, not both");
		}
		try {
			invalidAsClassError(() -> {
				found.change(duration, Objects.requireNonNullElse(command.deletionStrategy(), found.deletionStrategy()),
						Objects.requireNonNullElse(command.mode(), found.mode()),
						Objects.requireNonNullElse(command.description(), found.description()), command.expectedVersion(),
						command.actor(), clock.instant());
				return found;
			});
			return view(classes.save(found));
		}
		catch (IllegalStateException | OptimisticLockingFailureException ex) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CONFLICT,
					"Retention class " + command.name() + " was changed by someone else; read it again and retry");
		}
	}

	private static <T> T invalidAsClassError(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (IllegalArgumentException ex) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CLASS_INVALID, ex.getMessage());
		}
	}

	static RetentionClassView view(RetentionClass retentionClass) {
		return new RetentionClassView(retentionClass.getId().value(), retentionClass.defaultDurationSeconds(),
				retentionClass.deletionStrategy(), retentionClass.mode(), retentionClass.description(),
				retentionClass.createdAt(), retentionClass.createdBy(), retentionClass.updatedAt(),
				retentionClass.updatedBy(), Objects.requireNonNull(retentionClass.version()));
	}
}
