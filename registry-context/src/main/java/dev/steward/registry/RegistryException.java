package dev.steward.registry;

import dev.steward.kernel.CodedException;

/** A request the registry context refuses, with the stable code that clients see in {@code extensions.code}. */
public class RegistryException extends CodedException {

	public RegistryException(RegistryErrorCode code, String message) {
		super(code, message);
	}

	@Override
	public RegistryErrorCode code() {
		return (RegistryErrorCode) super.code();
	}
}
