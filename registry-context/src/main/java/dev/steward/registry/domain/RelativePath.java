package dev.steward.registry.domain;

import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jmolecules.ddd.types.ValueObject;

/**
 * Where a file sits inside its package: segments separated by {@code /}, none empty, {@code .} or {@code ..}; no
 * leading {@code /}, no backslash, NUL or other control character; at most {@value #MAX_BYTES} bytes of UTF-8. The
 * text is kept in Unicode normalization form C, so two spellings of one name are one path.
 */
public record RelativePath(String value) implements ValueObject {

	public static final int MAX_BYTES = 1024;

	public RelativePath {
		if (value == null || value.isEmpty()) {
			throw invalid("a relative path must not be empty");
		}
		if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
			throw invalid("a relative path must be in Unicode normalization form C");
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw invalid("a relative path is at most " + MAX_BYTES + " bytes of UTF-8");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\') {
				throw invalid("a relative path must not hold a backslash");
			}
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				throw invalid("a relative path must not hold NUL or a control character");
			}
			if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1)))) {
				if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
					throw invalid("a relative path must be valid Unicode");
				}
			}
		}
		if (value.startsWith("/")) {
			throw invalid("a relative path must not be absolute");
		}
		if (value.length() >= 2 && value.charAt(1) == ':' && Character.isLetter(value.charAt(0))) {
			throw invalid("a relative path must not start with a drive letter");
		}
		for (String segment : value.split("/", -1)) {
			if (segment.isEmpty()) {
				throw invalid("a relative path must not have an empty segment (// or a trailing /)");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw invalid("a relative path must not have . or .. segments");
			}
		}
	}

	/**
	 * The path as given, normalized to NFC first.
	 * @throws RegistryException {@code INVALID_RELATIVE_PATH} when it breaks a rule
	 */
	public static RelativePath of(String text) {
		if (text == null) {
			throw invalid("a relative path must not be empty");
		}
		return new RelativePath(Normalizer.normalize(text, Normalizer.Form.NFC));
	}

	private static RegistryException invalid(String problem) {
		return new RegistryException(RegistryErrorCode.INVALID_RELATIVE_PATH, "Invalid relative path: " + problem);
	}

	@Override
	public String toString() {
		return value;
	}
}
