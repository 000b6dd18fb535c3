package dev.steward.registry;

import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/** The id of a package, assigned by Steward when the package is created. */
public record PackageId(UUID id) implements Identifier {

	public static PackageId random() {
		return new PackageId(UUID.randomUUID());
	}

	/**
	 * The id written as a UUID.
	 * @throws RegistryException {@code PACKAGE_NOT_FOUND} when the text is not a UUID: no package has such an id
	 */
	public static PackageId parse(String text) {
		try {
			return new PackageId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new RegistryException(RegistryErrorCode.PACKAGE_NOT_FOUND, "There is no package " + text);
		}
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
