package org.simpul.registry;

import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duplicate review page for supervisors and managers: scan, then merge or dismiss each pair. */
@Controller
@RequestMapping("/registri/duplikat")
class DuplicatePages {

	private final DuplicateDetection duplicates;

	private final AccessControl access;

	DuplicatePages(DuplicateDetection duplicates, AccessControl access) {
		this.duplicates = duplicates;
		this.access = access;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("candidates", duplicates.review(access.requireUser(), new PageRequest(Math.max(page, 0), 25)));
		return "registry/duplicates";
	}

	/** The merge asks first: who is kept, who goes, and what happens to the one who goes. */
	@GetMapping("/{id}/gabung")
	String confirmMerge(@PathVariable UUID id, @RequestParam UUID keep, Model model) {
		DuplicateDetection.Review review = duplicates.review(access.requireUser(), id)
			.orElseThrow(() -> new NotFoundException("Duplicate candidate"));
		if (!keep.equals(review.a().id()) && !keep.equals(review.b().id())) {
			throw new NotFoundException("Person");
		}
		boolean keepA = keep.equals(review.a().id());
		model.addAttribute("review", review);
		model.addAttribute("kept", keepA ? review.a() : review.b());
		model.addAttribute("dropped", keepA ? review.b() : review.a());
		return "registry/duplicate-merge";
	}

	@PostMapping("/pindai")
	String scan(RedirectAttributes redirect) {
		int queued = duplicates.scan(access.requireUser());
		redirect.addFlashAttribute("scanned", queued);
		return "redirect:/registri/duplikat";
	}

	@PostMapping("/{id}/gabung")
	String merge(@PathVariable UUID id, @RequestParam UUID keep, RedirectAttributes redirect) {
		try {
			var review = duplicates.review(access.requireUser(), id)
				.orElseThrow(() -> new NotFoundException("Duplicate candidate"));
			duplicates.merge(access.requireUser(), id, keep);
			boolean keepA = keep.equals(review.a().id());
			redirect.addFlashAttribute("merged", List.of((keepA ? review.a() : review.b()).label(),
					(keepA ? review.b() : review.a()).label()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", "problem." + ex.problems().getFirst().code());
		}
		return "redirect:/registri/duplikat";
	}

	@PostMapping("/{id}/abaikan")
	String dismiss(@PathVariable UUID id, RedirectAttributes redirect) {
		duplicates.dismiss(access.requireUser(), id);
		redirect.addFlashAttribute("notice", "duplicates.dismissed");
		return "redirect:/registri/duplikat";
	}
}
