package org.simpul.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.simpul.access.AccessControl;
import org.simpul.registry.RegistryImports.ImportStatus;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The registry import API: upload (202), status, rejected rows as CSV. */
@RestController
class RegistryImportController {

	private final RegistryImports imports;

	private final AccessControl access;

	RegistryImportController(RegistryImports imports, AccessControl access) {
		this.imports = imports;
		this.access = access;
	}

	@PostMapping("/api/v1/registry/imports")
	ResponseEntity<ImportStatus> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "id", required = false) UUID id) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
		}
		try (InputStream content = file.getInputStream()) {
			ImportStatus status = imports.submit(access.requireUser(), id, file.getOriginalFilename(), file.getSize(), content);
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.location(URI.create("/api/v1/registry/imports/" + status.id()))
				.body(status);
		}
	}

	@GetMapping("/api/v1/registry/imports/{id}")
	ImportStatus status(@PathVariable UUID id) {
		return imports.status(access.requireUser(), id);
	}

	@GetMapping("/api/v1/registry/imports/{id}/rejections")
	void rejections(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		imports.status(access.requireUser(), id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"rejections-" + id + ".csv\"");
		imports.writeRejections(access.requireUser(), id, response.getWriter());
	}
}
