package dev.steward.registry.domain;

import dev.steward.registry.FileId;
import dev.steward.registry.PackageId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The files of packages. Saving publishes what the file recorded. */
public interface PackageFiles extends Repository<PackageFile, FileId> {

	/**
	 * Saves a new file and its storage location.
	 * @throws dev.steward.registry.RegistryException {@code DUPLICATE_RELATIVE_PATH} when the package has a file at
	 * its path already
	 */
	PackageFile save(PackageFile file);

	Optional<PackageFile> findById(FileId id);

	/** Whether the package has a file at this path. */
	boolean pathTaken(PackageId pkg, RelativePath path);

	/** The package's file at the path, if it has one. */
	Optional<PackageFile> atPath(PackageId pkg, RelativePath path);

	/** The files of the packages, ordered by package then relative path. */
	List<PackageFile> ofPackages(Collection<PackageId> packages);

	/** Whether a package other than {@code except} that is not purged has a file stored under this key. */
	boolean referencedElsewhere(String backendId, String objectKey, PackageId except);

	/** Whether any file of a package that is not purged is stored under this key. */
	boolean referenced(String backendId, String objectKey);

	/** Marks the storage locations of the package's files purged. */
	void markPurged(PackageId pkg);
}
