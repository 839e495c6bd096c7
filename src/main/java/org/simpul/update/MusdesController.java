package org.simpul.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.update.VillageDeliberations.MusdesView;
import org.simpul.update.VillageDeliberations.NewMusdes;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The village deliberations (musdes) and SPTJM: record one with the usulan it agreed, list a village's, attach
 * the document (a PDF body, at most 5 MB), and read it (the uploaded one, else the berita acara Simpul makes).
 */
@RestController
class MusdesController {

	private final VillageDeliberations deliberations;

	private final BeritaAcaraPdf pdf;

	private final AccessControl access;

	MusdesController(VillageDeliberations deliberations, BeritaAcaraPdf pdf, AccessControl access) {
		this.deliberations = deliberations;
		this.pdf = pdf;
		this.access = access;
	}

	@PostMapping("/api/v1/musdes")
	ResponseEntity<MusdesView> record(@RequestBody NewMusdes body) {
		MusdesView made = deliberations.record(access.requireUser(), body, null);
		return ResponseEntity.created(URI.create("/api/v1/musdes/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/musdes")
	List<MusdesView> ofVillage(@RequestParam(required = false) String villageCode) {
		return deliberations.ofVillage(access.requireUser(), villageCode);
	}

	@GetMapping("/api/v1/musdes/{id}")
	MusdesView musdes(@PathVariable UUID id) {
		return deliberations.find(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Musdes"));
	}

	/** The document as the request's body ({@code application/pdf}): read no further than the limit allows. */
	@PutMapping("/api/v1/musdes/{id}/document")
	MusdesView attach(@PathVariable UUID id, HttpServletRequest request) throws IOException {
		CurrentUser user = access.requireUser();
		byte[] document;
		try (InputStream in = request.getInputStream()) {
			document = in.readNBytes(VillageDeliberations.MAX_DOCUMENT + 1);
		}
		if (document.length > VillageDeliberations.MAX_DOCUMENT) {
			throw new InvalidInputException(FieldProblem.of("document", "DOCUMENT_TOO_LARGE"));
		}
		return deliberations.attach(user, id, document);
	}

	@GetMapping("/api/v1/musdes/{id}/document.pdf")
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		return document(access.requireUser(), id);
	}

	/** The uploaded document, else the berita acara made now; never cached. */
	ResponseEntity<byte[]> document(CurrentUser user, UUID id) {
		MusdesView musdes = deliberations.find(user, id).orElseThrow(() -> new NotFoundException("Musdes"));
		byte[] body = deliberations.uploaded(user, id)
			.orElseGet(() -> pdf.render(musdes, deliberations.agreed(musdes.id())));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline; filename=\"berita-acara-" + musdes.villageCode() + "-" + musdes.heldOn()
					+ ".pdf\"")
			.body(body);
	}
}
