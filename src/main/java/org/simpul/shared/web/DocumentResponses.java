package org.simpul.shared.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an uploaded photo or document is served back (never cached, never sniffed, a PDF as a sandboxed download), and
 * how a letter Simpul writes is served.
 */
public final class DocumentResponses {

	private DocumentResponses() {
	}

	public static ResponseEntity<byte[]> served(String contentType, byte[] bytes, String pdfName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			// a PDF from the field opens as a download, never as a page of Simpul's origin
			.header("Content-Security-Policy", "sandbox")
			.header("Content-Disposition", contentType.equals("application/pdf")
					? "attachment; filename=\"" + pdfName + "\"" : "inline")
			.body(bytes);
	}

	/** A letter Simpul wrote itself (a referral letter, a reactivation letter): opened in the browser, never cached. */
	public static ResponseEntity<byte[]> letter(byte[] pdf, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
			.body(pdf);
	}
}
