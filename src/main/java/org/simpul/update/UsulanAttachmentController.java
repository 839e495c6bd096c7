package org.simpul.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.simpul.access.AccessControl;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.web.DocumentResponses;
import org.simpul.update.UsulanAttachments.AttachmentView;
import org.simpul.update.UsulanAttachments.Content;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An usulan's evidence ({@link UsulanAttachments}): {@code PUT /api/v1/usulan/{id}/attachments/{attachmentId}?kind=}
 * with the photo or document as the body (201 new, 200 the same again), the list, and each one's content.
 */
@RestController
class UsulanAttachmentController {

	private final AccessControl access;

	private final UsulanAttachments attachments;

	UsulanAttachmentController(AccessControl access, UsulanAttachments attachments) {
		this.access = access;
		this.attachments = attachments;
	}

	@PutMapping("/api/v1/usulan/{id}/attachments/{attachmentId}")
	ResponseEntity<List<AttachmentView>> upload(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@RequestParam(name = "kind", required = false) String kind, HttpServletRequest request) throws IOException {
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(UsulanAttachments.MAX_BYTES + 1);
		}
		if (bytes.length > UsulanAttachments.MAX_BYTES) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TOO_LARGE"));
		}
		boolean created = attachments.upload(access.requireUser(), id, attachmentId, kind, bytes);
		List<AttachmentView> all = attachments.list(access.requireUser(), id);
		return created ? ResponseEntity.created(URI.create("/api/v1/usulan/" + id + "/attachments/" + attachmentId)).body(all)
				: ResponseEntity.ok(all);
	}

	@GetMapping("/api/v1/usulan/{id}/attachments")
	List<AttachmentView> list(@PathVariable UUID id) {
		return attachments.list(access.requireUser(), id);
	}

	@GetMapping("/api/v1/usulan/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return served(attachments.content(access.requireUser(), id, attachmentId));
	}

	/** An attachment as the API and the page serve it: never cached, never sniffed, a PDF as a sandboxed download. */
	static ResponseEntity<byte[]> served(Content content) {
		return DocumentResponses.served(content.contentType(), content.bytes(), "lampiran.pdf");
	}
}
