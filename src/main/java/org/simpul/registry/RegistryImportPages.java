package org.simpul.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.simpul.access.AccessControl;
import org.simpul.registry.RegistryImports.ImportStatus;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.StorageFullException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages for data operators and managers: upload a registry file, watch its progress (htmx polls
 * the status fragment every two seconds while the job runs), download the rejected rows.
 */
@Controller
@RequestMapping("/registri/impor")
class RegistryImportPages {

	private final RegistryImports imports;

	private final AccessControl access;

	RegistryImportPages(RegistryImports imports, AccessControl access) {
		this.imports = imports;
		this.access = access;
	}

	@GetMapping
	String uploadPage() {
		if (!RegistryImports.mayImport(access.requireUser().role())) {
			throw new org.springframework.security.access.AccessDeniedException("Imports are not for this role");
		}
		return "registry/import";
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream content = file.getInputStream()) {
			ImportStatus status = imports.submit(access.requireUser(), file.getOriginalFilename(), file.getSize(),
					content);
			return "redirect:/registri/impor/" + status.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.problems().getFirst().message());
			return "registry/import";
		}
		catch (StorageFullException ex) {
			model.addAttribute("error", "problem.DISK_FULL");
			return "registry/import";
		}
	}

	@GetMapping("/{id}")
	String status(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.status(access.requireUser(), id));
		return "registry/import-status";
	}

	@GetMapping("/{id}/status")
	String statusFragment(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.status(access.requireUser(), id));
		return "registry/import-status :: progress";
	}

	@GetMapping("/{id}/penolakan.csv")
	void rejections(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		imports.status(access.requireUser(), id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"penolakan-" + id + ".csv\"");
		imports.writeRejections(access.requireUser(), id, response.getWriter());
	}
}
