package org.simpul.update;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.ConflictException;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.update.UsulanResults.ImportView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Dinsos' page of the ministry's result lists: upload one, see what it did and which rows were refused, by line. */
@Controller
@RequestMapping("/usulan/hasil")
class UsulanResultPages {

	private final AccessControl access;

	private final UsulanResults results;

	private final RegionCatalog regions;

	UsulanResultPages(AccessControl access, UsulanResults results, RegionCatalog regions) {
		this.access = access;
		this.results = results;
		this.regions = regions;
	}

	@GetMapping
	String form(Model model) {
		CurrentUser user = access.requireUser();
		user.require(Action.USULAN_VERIFY);
		if (!Usulans.districtWide(user)) {
			throw new AccessDeniedException("Result lists are Dinsos' to import");
		}
		return page(model, user, null, null);
	}

	private String page(Model model, CurrentUser user, String error, String regionCode) {
		Optional<RegionCode> own = user.territory().regionCode();
		// a district's Dinsos imports for its district; a province's or the nation's names the district
		boolean chooses = own.isEmpty() || own.get().level() == RegionLevel.PROVINCE;
		model.addAttribute("chooseRegency", chooses);
		model.addAttribute("regencies", own.isPresent() && chooses ? regions.children(own.get()) : List.of());
		model.addAttribute("regionCode", regionCode);
		model.addAttribute("imports", results.recent(user));
		model.addAttribute("error", error);
		model.addAttribute("zone", RegionTime.WIB);
		return "update/results";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "regionCode", required = false) String regionCode, Model model) throws IOException {
		CurrentUser user = access.requireUser();
		user.require(Action.USULAN_VERIFY);
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			ImportView done = results.importFile(user, regionCode, file == null ? null : file.getOriginalFilename(), in);
			return "redirect:/usulan/hasil/" + done.id() + (done.repeated() ? "?ulang=true" : "");
		}
		catch (InvalidInputException ex) {
			return page(model, user, ex.problems().getFirst().message(), regionCode);
		}
		catch (ConflictException ex) {
			return page(model, user, ex.problem().message(), regionCode);
		}
	}

	@GetMapping("/{id}")
	String one(@PathVariable UUID id, @RequestParam(name = "ulang", defaultValue = "false") boolean repeated,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("r", results.get(user, id).orElseThrow(() -> new NotFoundException("Import")));
		model.addAttribute("rejections", results.rejections(user, id, new PageRequest(Math.max(0, page), 200)));
		model.addAttribute("repeated", repeated);
		model.addAttribute("zone", RegionTime.WIB);
		return "update/result";
	}
}
