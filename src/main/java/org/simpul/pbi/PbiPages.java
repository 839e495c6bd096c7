package org.simpul.pbi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.fieldsync.OfflinePages;
import org.simpul.pbi.DeactivationBatches.BatchRequest;
import org.simpul.pbi.DeactivationBatches.BatchView;
import org.simpul.pbi.ReactivationDocuments.Content;
import org.simpul.pbi.ReactivationQueries.ReactivationView;
import org.simpul.pbi.Reactivations.NewReactivation;
import org.simpul.pbi.Reactivations.Outcome;
import org.simpul.pbi.Reactivations.WindowClosedException;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.ConflictException;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.DocumentResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PBI-JK pages: "PBI-JK nonaktif" (the persons of the user's territory removed from PBI-JK, the ones to help
 * first on top, phone first for the village's volunteer, with "Ajukan reaktivasi"), a request's page (its
 * documents taken with the phone's camera, its steps, the moves the user may take), Dinsos' worklist, the
 * import of a decree's list, and the district's overview.
 */
@Controller
@RequestMapping("/pbi")
class PbiPages {

	private final AccessControl access;

	private final Deactivations deactivations;

	private final DeactivationBatches batches;

	private final Reactivations reactivations;

	private final ReactivationQueries queries;

	private final ReactivationDocuments documents;

	private final RegionCatalog regions;

	private final ReactivationLetters letters;

	private final MinistryAnswers answers;

	private final ApbdQuota quota;

	private final PbiDashboard dashboard;

	private final FollowUps followUps;

	private final PbiSettings settings;

	private final SubmissionLists submissions;

	PbiPages(AccessControl access, Deactivations deactivations, DeactivationBatches batches, Reactivations reactivations,
			ReactivationQueries queries, ReactivationDocuments documents, RegionCatalog regions,
			ReactivationLetters letters, MinistryAnswers answers, ApbdQuota quota, PbiDashboard dashboard,
			FollowUps followUps, PbiSettings settings, SubmissionLists submissions) {
		this.submissions = submissions;
		this.settings = settings;
		this.followUps = followUps;
		this.dashboard = dashboard;
		this.letters = letters;
		this.answers = answers;
		this.quota = quota;
		this.access = access;
		this.deactivations = deactivations;
		this.batches = batches;
		this.reactivations = reactivations;
		this.queries = queries;
		this.documents = documents;
		this.regions = regions;
	}

	private static boolean dinsos(CurrentUser user) {
		return user.may(Action.PBI_PROCESS) && DeactivationBatches.districtWide(user);
	}

	@GetMapping
	String list(@RequestParam(name = "desa", required = false) String village,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
		CurrentUser user = access.requireUser();
		if (user.may(Action.PBI_REQUEST) && village == null && page == 0) {
			// the volunteer's list, to open in the field without signal
			OfflinePages.keep(request);
		}
		model.addAttribute("people", deactivations.list(user, village, new PageRequest(Math.max(0, page), 50)));
		model.addAttribute("village", village);
		model.addAttribute("mayRequest", user.may(Action.PBI_REQUEST));
		model.addAttribute("dinsos", dinsos(user));
		model.addAttribute("mayImport", user.may(Action.PBI_IMPORT) && DeactivationBatches.districtWide(user));
		model.addAttribute("categories", Reactivation.Category.values());
		model.addAttribute("followUps", followUps.open(user, village, new PageRequest(0, 50)));
		model.addAttribute("mayPropose", user.may(Action.USULAN_PROPOSE));
		return "pbi/list";
	}

	@PostMapping("/ajukan")
	String request(@RequestParam(required = false) String personId, @RequestParam(required = false) String category,
			@RequestParam(required = false) String complaintId, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		UUID person = uuid(personId);
		if (person == null) {
			throw new NotFoundException("Person");
		}
		if (complaintId != null && !complaintId.isBlank() && uuid(complaintId) == null) {
			redirect.addFlashAttribute("warning", "problem.COMPLAINT_NOT_OF_PERSON");
			return "redirect:/pbi";
		}
		// a second tap, or someone else asked first: the request under way is what the user wants to see
		Optional<UUID> underWay = queries.underWay(user, person);
		if (underWay.isPresent()) {
			redirect.addFlashAttribute("notice", "problem.REACTIVATION_UNDER_WAY");
			return "redirect:/pbi/pengajuan/" + underWay.get();
		}
		try {
			ReactivationView made = reactivations.request(user, new NewReactivation(null, person, category, uuid(complaintId)));
			return "redirect:/pbi/pengajuan/" + made.id();
		}
		catch (WindowClosedException ex) {
			redirect.addFlashAttribute("warning", "problem.WINDOW_CLOSED");
			redirect.addFlashAttribute("closedOn", ex.closedOn());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			// (the request's transaction is spoilt by the refused insert: nothing more is read in it)
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/pbi";
	}

	@GetMapping("/pengajuan")
	String worklist(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "desa", required = false) String village, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser user = access.requireUser();
		String wanted = status == null || status.isBlank() ? null : status.strip();
		if (wanted != null && Arrays.stream(Reactivation.Status.values()).noneMatch(s -> s.name().equals(wanted))) {
			return "redirect:/pbi/pengajuan";
		}
		model.addAttribute("requests", queries.list(user, village, wanted, new PageRequest(Math.max(0, page), 50)));
		model.addAttribute("status", wanted);
		model.addAttribute("village", village);
		model.addAttribute("statuses", Reactivation.Status.values());
		model.addAttribute("mayListEntered", user.may(Action.PBI_PROCESS) && user.may(Action.IDENTIFIERS_IN_FULL)
				&& user.districtWide());
		return "pbi/worklist";
	}

	@GetMapping("/pengajuan/{id}")
	String one(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		ReactivationView request = queries.get(user, id);
		model.addAttribute("r", request);
		model.addAttribute("next", request.status().next().stream().map(Enum::name).toList());
		model.addAttribute("documents", documents.list(user, id));
		model.addAttribute("kinds", List.of("HEALTH_LETTER", "SKTM", "KTP", "KK", "OTHER"));
		model.addAttribute("newDocumentId", UUID.randomUUID());
		model.addAttribute("sktmRequired", settings.sktmRequired(request.villageCode()));
		model.addAttribute("mayRequest", user.may(Action.PBI_REQUEST));
		model.addAttribute("dinsos", dinsos(user));
		model.addAttribute("zone", RegionTime.WIB);
		return "pbi/request";
	}

	@PostMapping("/pengajuan/{id}/dokumen")
	String upload(@PathVariable UUID id, @RequestParam(required = false) String documentId,
			@RequestParam(required = false) String kind, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		CurrentUser user = access.requireUser();
		UUID document = Optional.ofNullable(uuid(documentId)).orElseGet(UUID::randomUUID);
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			byte[] bytes = in == null ? new byte[0] : in.readNBytes(ReactivationDocuments.MAX_BYTES + 1);
			if (bytes.length > ReactivationDocuments.MAX_BYTES) {
				redirect.addFlashAttribute("warning", "problem.ATTACHMENT_TOO_LARGE");
			}
			else {
				documents.upload(user, id, document, kind, bytes);
				redirect.addFlashAttribute("notice", "pbi.documentAdded");
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/pbi/pengajuan/" + id;
	}

	@GetMapping("/pengajuan/{id}/dokumen/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		Content content = documents.content(access.requireUser(), id, documentId);
		return DocumentResponses.served(content.contentType(), content.bytes(), "dokumen.pdf");
	}

	/** Dinsos' reactivation letter, for whoever may read the request, once it was issued. */
	@GetMapping("/pengajuan/{id}/surat.pdf")
	ResponseEntity<byte[]> letter(@PathVariable UUID id) {
		ReactivationLetters.Printed printed = letters.print(access.requireUser(), id);
		return DocumentResponses.letter(printed.pdf(), printed.fileName());
	}

	/** A move from the request's page; a repeated tap finds the request moved already and says so. */
	@PostMapping("/pengajuan/{id}/{step}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String segment,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		try {
			switch (step) {
				case "ajukan" -> reactivations.submit(user, id);
				case "batalkan" -> reactivations.withdraw(user, id, reason);
				case "kembalikan" -> reactivations.returnForCompletion(user, id, reason);
				case "verifikasi" -> reactivations.verify(user, id);
				case "surat" -> reactivations.issueLetter(user, id);
				case "input" -> reactivations.enter(user, id);
				case "setujui" -> reactivations.approve(user, id);
				case "hasil" -> reactivations.decide(user, id, new Outcome(outcome, segment, reason));
				default -> throw new NotFoundException("Step");
			}
			redirect.addFlashAttribute("notice", "pbi.moved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			// a second tap on a slow link finds the request where the first one took it: said as done, once
			String reached = queries.get(user, id).status().name();
			boolean done = switch (step) {
				case "ajukan" -> reached.equals("SUBMITTED");
				case "batalkan" -> reached.equals("WITHDRAWN");
				case "kembalikan" -> reached.equals("RETURNED");
				case "verifikasi" -> reached.equals("VERIFIED");
				case "surat" -> reached.equals("LETTER_ISSUED");
				case "input" -> reached.equals("ENTERED");
				case "setujui" -> reached.equals("APPROVED");
				case "hasil" -> reached.equals(outcome);
				default -> false;
			};
			redirect.addFlashAttribute(done ? "notice" : "warning", done ? "pbi.moved" : ex.problem().message());
		}
		return "redirect:/pbi/pengajuan/" + id;
	}

	@GetMapping("/impor")
	String importForm(Model model) {
		CurrentUser user = access.requireUser();
		requireImporter(user);
		return importPage(model, user, null, null);
	}

	private static void requireImporter(CurrentUser user) {
		user.require(Action.PBI_IMPORT);
		if (!DeactivationBatches.districtWide(user)) {
			throw new AccessDeniedException("Deactivation lists are Dinsos' to import");
		}
	}

	private String importPage(Model model, CurrentUser user, String error, BatchRequest typed) {
		Optional<RegionCode> own = user.territory().regionCode();
		boolean chooses = own.isEmpty() || own.get().level() == RegionLevel.PROVINCE;
		model.addAttribute("chooseRegency", chooses);
		model.addAttribute("regencies", own.isPresent() && chooses ? regions.children(own.get()) : List.of());
		model.addAttribute("typed", typed == null ? new BatchRequest(null, null, null, "6") : typed);
		model.addAttribute("batches", batches.recent(user));
		model.addAttribute("answerImports", answers.recent(user));
		model.addAttribute("mayAnswer", user.may(Action.PBI_PROCESS));
		model.addAttribute("error", error);
		model.addAttribute("zone", RegionTime.WIB);
		return "pbi/import";
	}

	@PostMapping("/impor")
	String importBatch(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String decree, @RequestParam(required = false) String effectiveDate,
			@RequestParam(required = false) String windowMonths, @RequestParam(required = false) String regionCode,
			Model model) throws IOException {
		CurrentUser user = access.requireUser();
		requireImporter(user);
		BatchRequest typed = new BatchRequest(regionCode, decree, effectiveDate, windowMonths);
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			BatchView done = batches.importBatch(user, typed, file == null ? null : file.getOriginalFilename(), in);
			return "redirect:/pbi/impor/" + done.id() + (done.repeated() ? "?ulang=true" : "");
		}
		catch (InvalidInputException ex) {
			return importPage(model, user, ex.problems().getFirst().message(), typed);
		}
		catch (ConflictException ex) {
			return importPage(model, user, ex.problem().message(), typed);
		}
	}

	@GetMapping("/impor/{id}")
	String batch(@PathVariable UUID id, @RequestParam(name = "ulang", defaultValue = "false") boolean repeated,
			Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("b", batches.get(user, id).orElseThrow(() -> new NotFoundException("Batch")));
		model.addAttribute("rejections", batches.rejections(user, id, new PageRequest(0, 200)));
		model.addAttribute("repeated", repeated);
		model.addAttribute("zone", RegionTime.WIB);
		return "pbi/batch";
	}

	/** The ministry's answers as a file, from the import page. */
	@PostMapping("/impor-jawaban")
	String importAnswers(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String regionCode, Model model) throws IOException {
		CurrentUser user = access.requireUser();
		requireImporter(user);
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			MinistryAnswers.AnswerImportView done = answers.importAnswers(user, regionCode,
					file == null ? null : file.getOriginalFilename(), in);
			return "redirect:/pbi/jawaban/" + done.id() + (done.repeated() ? "?ulang=true" : "");
		}
		catch (InvalidInputException ex) {
			return importPage(model, user, ex.problems().getFirst().message(), null);
		}
		catch (ConflictException ex) {
			return importPage(model, user, ex.problem().message(), null);
		}
	}

	@GetMapping("/jawaban/{id}")
	String answerImport(@PathVariable UUID id, @RequestParam(name = "ulang", defaultValue = "false") boolean repeated,
			Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("a", answers.get(user, id).orElseThrow(() -> new NotFoundException("Answer import")));
		model.addAttribute("rejections", answers.rejections(user, id, new PageRequest(0, 200)));
		model.addAttribute("repeated", repeated);
		return "pbi/answers";
	}

	@GetMapping("/ringkasan")
	String overview(@RequestParam(name = "wilayah", required = false) String region, Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("o", queries.overview(user, region));
		PbiDashboard.Dashboard figures = dashboard.of(user, region);
		model.addAttribute("d", figures);
		model.addAttribute("zone", RegionTime.WIB);
		if (user.districtWide() && figures.regionCode() != null && figures.regionCode().length() == 5) {
			model.addAttribute("quota", quota.get(user, figures.regionCode(), null));
			model.addAttribute("maySetQuota", user.may(Action.PBI_QUOTA));
			model.addAttribute("settings", settings.get(user, figures.regionCode()));
		}
		return "pbi/overview";
	}

	/** The day's list of requests entered in SIKS-NG, as XLSX, from the worklist. */
	@GetMapping("/diinput.xlsx")
	void enteredXlsx(@RequestParam(name = "tanggal", required = false) String day, HttpServletResponse response)
			throws IOException {
		SubmissionLists.Day list = submissions.entered(access.requireUser(), null, day);
		SubmissionLists.served(response, list);
		submissions.xlsx(list, response.getOutputStream());
	}

	/** The worklist of the page (a status, if chosen), whole, as XLSX. */
	@GetMapping("/pengajuan.xlsx")
	void worklistXlsx(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "desa", required = false) String village, HttpServletResponse response)
			throws IOException {
		ReactivationQueries.WorklistExport export = queries.export(access.requireUser(), village, status);
		ReactivationQueries.served(response, export);
		queries.xlsx(export, response.getOutputStream());
	}

	/** The list of the page (the user's territory, or one village), whole, as XLSX. */
	@GetMapping("/daftar.xlsx")
	void listXlsx(@RequestParam(name = "desa", required = false) String village, HttpServletResponse response)
			throws IOException {
		Deactivations.Export export = deactivations.export(access.requireUser(), village);
		Deactivations.served(response, export);
		deactivations.xlsx(export, response.getOutputStream());
	}

	@GetMapping("/ringkasan.xlsx")
	void overviewXlsx(@RequestParam(name = "wilayah", required = false) String region, HttpServletResponse response)
			throws IOException {
		PbiDashboard.Dashboard figures = dashboard.of(access.requireUser(), region);
		PbiDashboard.served(response, figures);
		dashboard.xlsx(figures, response.getOutputStream());
	}

	/** The manager sets what the district asks of a request (the village's SKTM) from the page. */
	@PostMapping("/syarat")
	String setSettings(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String sktmRequired, RedirectAttributes redirect) {
		settings.set(access.requireUser(), regionCode,
				new PbiSettings.Settings(null, sktmRequired != null && !sktmRequired.isBlank()));
		redirect.addFlashAttribute("notice", "pbi.d.quota.saved");
		return "redirect:/pbi/ringkasan" + (regionCode == null || regionCode.isBlank() ? "" : "?wilayah=" + regionCode.strip());
	}

	/** The manager sets this month's PBI-APBD places from the page. */
	@PostMapping("/kuota")
	String setQuota(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String places,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		Integer number;
		try {
			number = places == null || places.isBlank() ? null : Integer.valueOf(places.strip());
		}
		catch (NumberFormatException ex) {
			number = -1;
		}
		try {
			quota.set(user, regionCode, null, new ApbdQuota.Places(number));
			redirect.addFlashAttribute("notice", "pbi.d.quota.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/pbi/ringkasan" + (regionCode == null || regionCode.isBlank() ? "" : "?wilayah=" + regionCode.strip());
	}

	private static UUID uuid(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
