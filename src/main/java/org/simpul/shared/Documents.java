package org.simpul.shared;

/**
 * What an uploaded photo or document is, by its first bytes (never by its name or the type a browser claims):
 * JPEG, PNG or PDF, the kinds the field sends as evidence; anything else is refused by whoever asks.
 */
public final class Documents {

	private Documents() {
	}

	/** The media type {@code bytes} are; null for anything but JPEG, PNG and PDF. */
	public static String sniff(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
			return "image/png";
		}
		if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-') {
			return "application/pdf";
		}
		return null;
	}
}
