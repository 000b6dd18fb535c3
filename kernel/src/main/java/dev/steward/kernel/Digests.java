package dev.steward.kernel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests and their lowercase hex form, as every hash Steward stores or shows is written. */
public final class Digests {

	private static final HexFormat HEX = HexFormat.of();

	private Digests() {}

	/** A fresh SHA-256 digest. */
	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** The SHA-256 of the bytes, as 64 lowercase hex digits. */
	public static String sha256Hex(byte[] bytes) {
		return hex(sha256().digest(bytes));
	}

	/** Lowercase hex. */
	public static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/** The bytes of lowercase or uppercase hex. */
	public static byte[] unhex(String hex) {
		return HEX.parseHex(hex);
	}
}
