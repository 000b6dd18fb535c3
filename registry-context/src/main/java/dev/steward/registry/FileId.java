package dev.steward.registry;

import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/** The id of a file of a package, assigned by Steward when the file's bytes are ingested. */
public record FileId(UUID id) implements Identifier {

	public static FileId random() {
		return new FileId(UUID.randomUUID());
	}

	/**
	 * The id written as a UUID.
	 * @throws RegistryException {@code FILE_NOT_FOUND} when the text is not a UUID: no file has such an id
	 */
	public static FileId parse(String text) {
		try {
			return new FileId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new RegistryException(RegistryErrorCode.FILE_NOT_FOUND, "There is no file " + text);
		}
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
