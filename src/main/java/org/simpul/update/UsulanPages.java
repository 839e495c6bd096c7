package org.simpul.update;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.pbi.Deactivations;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.RegistryProposals;
import org.simpul.registry.Relationship;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.update.UpdateCycles.Cycle;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Status;
import org.simpul.update.UsulanQueries.UsulanView;
import org.simpul.update.Usulans.NewUsulan;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usulan pages: the village's list in its cycle with the days left (phone first, for the data operator and
 * the coordinator), Dinsos' table of a district's usulan by village and status (desktop), one usulan with what
 * it changes from what to what, its history and the steps the user may take, and the form of a new one (a new
 * family, or a change, removal, programme proposal or sanggah about a registered household).
 */
@Controller
@RequestMapping("/usulan")
class UsulanPages {

	private final Usulans usulans;

	private final UsulanQueries queries;

	private final UpdateCycles cycles;

	private final RegionCatalog regions;

	private final HouseholdQueries households;

	private final RegionTime time;

	private final AccessControl access;

	private final VillageDeliberations deliberations;

	private final MusdesController musdesDocuments;

	private final UsulanController usulanApi;

	private final UsulanOverview overview;

	private final UsulanAttachments attachments;

	private final Deactivations deactivations;

	private final MessageSource messages;

	UsulanPages(Usulans usulans, UsulanQueries queries, UpdateCycles cycles, RegionCatalog regions,
			HouseholdQueries households, RegionTime time, AccessControl access, VillageDeliberations deliberations,
			MusdesController musdesDocuments, UsulanController usulanApi, UsulanOverview overview,
			UsulanAttachments attachments, Deactivations deactivations, MessageSource messages) {
		this.deactivations = deactivations;
		this.messages = messages;
		this.attachments = attachments;
		this.overview = overview;
		this.usulanApi = usulanApi;
		this.deliberations = deliberations;
		this.musdesDocuments = musdesDocuments;
		this.usulans = usulans;
		this.queries = queries;
		this.cycles = cycles;
		this.regions = regions;
		this.households = households;
		this.time = time;
		this.access = access;
	}

	/** The countdown of a cycle: the days left until each of its three days, in the region's today. */
	record Countdown(long entry, long musdes, long cutOff) {
	}

	@GetMapping
	String list(@RequestParam(name = "desa", required = false) String village,
			@RequestParam(name = "status", required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(name = "periksa", defaultValue = "false") boolean check, Model model) {
		CurrentUser user = access.requireUser();
		user.require(Action.USULAN_READ);
		String own = user.territory().regionCode().map(RegionCode::value).orElse(null);
		String chosen = village == null || village.isBlank() ? null : village.strip();
		if (chosen != null && (RegionCode.parse(chosen).filter(c -> c.level() == RegionLevel.VILLAGE).isEmpty()
				|| !user.covers(RegionCode.of(chosen)))) {
			throw new NotFoundException("Village");
		}
		if (chosen == null && own != null && RegionCode.of(own).level() == RegionLevel.VILLAGE) {
			chosen = own;
		}
		String cycleRegion = chosen != null ? chosen : own != null && RegionCode.of(own).level() != RegionLevel.PROVINCE ? own : null;
		if (cycleRegion != null) {
			Cycle cycle = cycles.current(cycleRegion);
			LocalDate today = time.today(cycleRegion);
			model.addAttribute("cycle", cycle);
			model.addAttribute("countdown", new Countdown(ChronoUnit.DAYS.between(today, cycle.entryUntil()),
					ChronoUnit.DAYS.between(today, cycle.musdesUntil()), ChronoUnit.DAYS.between(today, cycle.cutOff())));
		}
		Status wanted = statusOrNull(status);
		model.addAttribute("usulan", queries.list(user, new UsulanQueries.Filter(chosen, wanted, null, null),
				new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("village", chosen);
		model.addAttribute("villageName", chosen == null ? null : regions.names(List.of(chosen)).get(chosen));
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("villages", own != null && RegionCode.of(own).level() != RegionLevel.VILLAGE
				&& RegionCode.of(own).level() != RegionLevel.PROVINCE ? regions.villagesWithin(RegionCode.of(own)) : List.of());
		model.addAttribute("mayPropose", user.may(Action.USULAN_PROPOSE));
		model.addAttribute("maySubmit", chosen != null && user.may(Action.USULAN_SUBMIT));
		model.addAttribute("mayAgree", chosen != null && user.may(Action.USULAN_AGREE));
		boolean dinsos = Usulans.districtWide(user);
		model.addAttribute("mayEndorse", dinsos && user.may(Action.USULAN_ENDORSE));
		model.addAttribute("maySend", dinsos && user.may(Action.USULAN_VERIFY));
		model.addAttribute("dinsos", dinsos && (user.may(Action.USULAN_ENDORSE) || user.may(Action.USULAN_VERIFY)));
		model.addAttribute("overviewLink", own != null && RegionCode.of(own).level() != RegionLevel.VILLAGE
				&& RegionCode.of(own).level() != RegionLevel.PROVINCE);
		if (chosen != null) {
			List<VillageDeliberations.MusdesView> held = deliberations.ofVillage(user, chosen);
			int months = cycles.calendar(UpdateCycles.regencyOf(chosen)).musdesMonths();
			LocalDate since = time.today(chosen).minusMonths(months);
			model.addAttribute("lastMusdes", held.isEmpty() ? null : held.getFirst());
			model.addAttribute("musdesMonths", months);
			model.addAttribute("musdesOverdue", held.stream().noneMatch(m -> !m.heldOn().isBefore(since)));
		}
		if (check && chosen != null) {
			model.addAttribute("failures", usulans.check(user, chosen));
		}
		model.addAttribute("zone", RegionTime.WIB);
		return "update/list";
	}

	/** The form of a musdes or SPTJM: its day, place and attendance, the drafts it agrees, its document. */
	@GetMapping("/musdes")
	String musdesForm(@RequestParam(name = "desa") String village, Model model) {
		CurrentUser user = access.requireUser();
		user.require(Action.USULAN_AGREE);
		return musdesForm(model, user, UUID.randomUUID(), village, "MUSDES", time.today(usulans.village(user, village)), null,
				null, null, Map.of());
	}

	private String musdesForm(Model model, CurrentUser user, UUID musdesId, String village, String kind, LocalDate heldOn,
			String place, Integer attendance, List<UUID> chosen, Map<String, String> errors) {
		String code = usulans.village(user, village);
		// the form's own id: a second tap, or a retry after a lost answer, finds the musdes the first one recorded
		model.addAttribute("musdesId", musdesId == null ? UUID.randomUUID() : musdesId);
		List<UsulanQueries.UsulanItem> open = new ArrayList<>();
		for (Status status : List.of(Status.DRAFT, Status.RETURNED)) {
			open.addAll(queries.list(user, new UsulanQueries.Filter(code, status, null, null), new PageRequest(0, 200))
				.content());
		}
		model.addAttribute("village", code);
		model.addAttribute("villageName", regions.names(List.of(code)).get(code));
		model.addAttribute("open", open);
		model.addAttribute("chosen", chosen == null ? open.stream().map(UsulanQueries.UsulanItem::id).toList() : chosen);
		model.addAttribute("kind", kind);
		model.addAttribute("heldOn", heldOn);
		model.addAttribute("place", place);
		model.addAttribute("attendance", attendance);
		model.addAttribute("held", deliberations.ofVillage(user, code));
		model.addAttribute("errors", errors);
		return "update/musdes";
	}

	@PostMapping("/musdes")
	String recordMusdes(@RequestParam(name = "desa") String village, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
			@RequestParam(required = false) String attendance,
			@RequestParam(name = "usulan", required = false) List<UUID> chosen,
			@RequestParam(name = "document", required = false) MultipartFile document,
			@RequestParam(name = "musdesId", required = false) UUID musdesId, Model model,
			RedirectAttributes redirect) throws IOException {
		CurrentUser user = access.requireUser();
		if (recorded(user, village, musdesId)) {
			redirect.addFlashAttribute("notice", "musdes.recorded");
			return "redirect:/usulan?desa=" + usulans.village(user, village);
		}
		LocalDate day = null;
		Integer count = null;
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			day = heldOn == null || heldOn.isBlank() ? null : LocalDate.parse(heldOn.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put("heldOn", "problem.INVALID_DATE");
		}
		try {
			count = attendance == null || attendance.isBlank() ? null : Integer.valueOf(attendance.strip());
		}
		catch (NumberFormatException ex) {
			errors.put("attendance", "problem.INVALID_NUMBER");
		}
		List<UUID> ids = chosen == null ? List.of() : chosen;
		if (errors.isEmpty()) {
			try {
				byte[] bytes = null;
				if (document != null && !document.isEmpty()) {
					if (document.getSize() > VillageDeliberations.MAX_DOCUMENT) {
						throw new InvalidInputException(FieldProblem.of("document", "DOCUMENT_TOO_LARGE"));
					}
					bytes = document.getBytes();
				}
				deliberations.record(user, new VillageDeliberations.NewMusdes(musdesId, village, kind, day, place, count, ids),
						bytes);
				redirect.addFlashAttribute("notice", "musdes.recorded");
				return "redirect:/usulan?desa=" + usulans.village(user, village);
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach(p -> errors.putIfAbsent(p.field().startsWith("usulanIds") ? "usulan" : p.field(),
						p.message()));
			}
			catch (ConflictException ex) {
				if (recorded(user, village, musdesId)) {
					// the same form sent twice at once: the other request recorded it
					redirect.addFlashAttribute("notice", "musdes.recorded");
					return "redirect:/usulan?desa=" + usulans.village(user, village);
				}
				errors.put("usulan", ex.problem().message());
			}
		}
		return musdesForm(model, user, musdesId, village, kind, day, place, count, ids, errors);
	}

	/** Whether the musdes a form names by its id was recorded already (by an earlier tap of the same form). */
	private boolean recorded(CurrentUser user, String village, UUID musdesId) {
		return musdesId != null && deliberations.ofVillage(user, usulans.village(user, village)).stream()
			.anyMatch(m -> m.id().equals(musdesId));
	}

	@GetMapping("/musdes/{id}.pdf")
	ResponseEntity<byte[]> musdesDocument(@PathVariable UUID id) {
		return musdesDocuments.document(access.requireUser(), id);
	}

	/** Dinsos' step on the usulan chosen in its table: endorse them, or mark them sent to the ministry. */
	@PostMapping("/pilihan")
	String moveChosen(@RequestParam(name = "aksi") String step, @RequestParam(name = "usulan", required = false) List<UUID> ids,
			@RequestParam(name = "desa", required = false) String village,
			@RequestParam(name = "status", required = false) String status, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		try {
			int moved = usulans.moveAll(user, ids, step.equals("sahkan"));
			redirect.addFlashAttribute("moved", moved);
			redirect.addFlashAttribute("movedStep", step.equals("sahkan") ? "sahkan" : "kirim");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		StringBuilder back = new StringBuilder("redirect:/usulan?");
		if (village != null && !village.isBlank()) {
			back.append("desa=").append(usulans.village(user, village)).append('&');
		}
		Status wanted = statusOrNull(status);
		if (wanted != null) {
			back.append("status=").append(wanted.name());
		}
		return back.toString();
	}

	/** The status a list's filter names, or none when the parameter is blank or names no status. */
	static Status statusOrNull(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(status.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The district's overview of its villages' updates (desktop table). */
	@GetMapping("/ringkasan")
	String overview(@RequestParam(name = "wilayah", required = false) String region, Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("o", overview.overview(user, region));
		model.addAttribute("statuses", Status.values());
		return "update/overview";
	}

	/** The BNBA list of what the page shows (endorsed usulan unless a status is chosen). */
	@GetMapping("/bnba.{format:xlsx|pdf}")
	void bnba(@PathVariable String format, @RequestParam(name = "desa", required = false) String village,
			@RequestParam(name = "status", required = false) String status, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		try {
			usulanApi.writeBnba(access.requireUser(), village, status, null, null, null, format, response);
		}
		catch (InvalidInputException ex) {
			if (ex.problems().stream().noneMatch(p -> p.code().equals("BNBA_TOO_LARGE"))) {
				throw ex;
			}
			// back to the list it was asked from, saying why
			String back = UriComponentsBuilder.fromPath("/usulan").queryParamIfPresent("desa", Optional.ofNullable(village))
				.queryParamIfPresent("status", Optional.ofNullable(status)).encode().build().toUriString();
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("warning", "problem.BNBA_TOO_LARGE");
			RequestContextUtils.saveOutputFlashMap(back, request, response);
			response.sendRedirect(request.getContextPath() + back);
		}
	}

	/** Every agreed usulan of the village to Dinsos; when a check fails, the list shows what to fix. */
	@PostMapping("/ajukan-semua")
	String submitAll(@RequestParam(name = "desa") String village, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		String code = usulans.village(user, village);
		try {
			int submitted = usulans.submitAll(user, code, null);
			redirect.addFlashAttribute("submittedAll", submitted);
			return "redirect:/usulan?desa=" + code;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", "usulan.checksBlockSubmit");
			return "redirect:/usulan?periksa=true&desa=" + code;
		}
	}

	@GetMapping("/{id}")
	String usulan(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		UsulanView view = queries.usulan(user, id).orElseThrow(() -> new NotFoundException("Usulan"));
		model.addAttribute("u", view);
		model.addAttribute("changeRows", changeRows(view));
		boolean dinsos = Usulans.districtWide(user);
		model.addAttribute("mayCorrect", user.may(Action.USULAN_PROPOSE) && view.status().editable());
		model.addAttribute("mayAgree", user.may(Action.USULAN_AGREE) && view.status().mayMoveTo(Status.AGREED));
		model.addAttribute("maySubmit", user.may(Action.USULAN_SUBMIT) && view.status() == Status.AGREED);
		model.addAttribute("mayReturn", dinsos && user.may(Action.USULAN_VERIFY) && view.status().mayMoveTo(Status.RETURNED));
		model.addAttribute("attachments", attachments.list(user, id));
		model.addAttribute("attachmentKinds", List.of("PHOTO_FRONT", "PHOTO_INSIDE", "KK", "DOCUMENT"));
		model.addAttribute("attachmentId", UUID.randomUUID());
		model.addAttribute("mayAttach", user.may(Action.USULAN_PROPOSE) && view.status().editable());
		model.addAttribute("mayWithdraw", user.may(Action.USULAN_PROPOSE) && view.status().mayMoveTo(Status.WITHDRAWN));
		model.addAttribute("mayFieldCheck", view.kind() == Kind.SANGGAH && user.may(Action.SANGGAH_CHECK)
				&& (view.status().editable() || view.status() == Status.SUBMITTED));
		model.addAttribute("mayEndorse", dinsos && user.may(Action.USULAN_ENDORSE) && view.status() == Status.SUBMITTED);
		model.addAttribute("maySend", dinsos && user.may(Action.USULAN_VERIFY) && view.status() == Status.ENDORSED);
		model.addAttribute("zone", RegionTime.WIB);
		return "update/usulan";
	}

	/** The form of a draft or a returned usulan, filled with what it proposes now. */
	@GetMapping("/{id}/ubah")
	String editForm(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		UsulanView view = queries.usulan(user, id).orElseThrow(() -> new NotFoundException("Usulan"));
		user.require(Action.USULAN_PROPOSE);
		if (!view.status().editable()) {
			return "redirect:/usulan/" + id;
		}
		model.addAttribute("editing", id);
		model.addAttribute("version", view.version());
		model.addAttribute("personId", view.personId());
		return form(model, user, view.householdId(), view.kind(), view.villageCode(), view.changes(), view.reason(), Map.of());
	}

	@PostMapping("/{id}/ubah")
	String edit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
		CurrentUser user = access.requireUser();
		UsulanView view = queries.usulan(user, id).orElseThrow(() -> new NotFoundException("Usulan"));
		ObjectNode changes = kept(changesOf(form), form, view.changes());
		String reason = form.getFirst("reason");
		String version = form.getFirst("version");
		try {
			usulans.correct(user, id, version == null ? "" : version, reason, changes);
			return "redirect:/usulan/" + id;
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				errors.putIfAbsent(problem.field(), problem.message());
			}
			model.addAttribute("editing", id);
			model.addAttribute("version", view.version());
			model.addAttribute("personId", view.personId());
			return form(model, user, view.householdId(), view.kind(), view.villageCode(), changes, reason, errors);
		}
	}

	/** A value shown: through its message key (a code), or as it is (a name, a number). */
	record Shown(String key, String text) {
	}

	/** One line of "from what to what": the field's label key, the value before and the value proposed. */
	record ChangeRow(String label, Shown before, Shown after) {
	}

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("address", "registry.address"),
			Map.entry("rt", "usulan.field.rt"), Map.entry("rw", "usulan.field.rw"), Map.entry("name", "registry.name"),
			Map.entry("birthDate", "registry.birthDate"), Map.entry("sex", "registry.sex"),
			Map.entry("relationship", "registry.relationship"), Map.entry("removalReason", "usulan.removalReason"),
			Map.entry("date", "usulan.removalDate"), Map.entry("programme", "usulan.programme"),
			Map.entry("objectorName", "usulan.objectorName"), Map.entry("objectorAddress", "usulan.objectorAddress"),
			Map.entry("latitude", "usulan.field.latitude"), Map.entry("longitude", "usulan.field.longitude"),
			Map.entry("floorAreaM2", "registry.floorArea"));

	/** The message key prefix of a field's codes, for the fields whose values are codes. */
	private static final Map<String, String> CODES = Map.of("sex", "sex.", "relationship", "relationship.",
			"removalReason", "usulan.removal.", "programme", "usulan.programme.", "roof", "roof.", "wall", "wall.",
			"floor", "floor.", "electricity", "electricity.", "latrine", "latrine.", "drinkingWater", "drinkingWater.");

	private static Shown shown(String field, JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return new Shown(null, "–");
		}
		String prefix = CODES.get(field);
		return prefix == null ? new Shown(null, value.asString()) : new Shown(prefix + value.asString(), null);
	}

	static List<ChangeRow> changeRows(UsulanView view) {
		List<ChangeRow> rows = new ArrayList<>();
		JsonNode changes = view.changes();
		JsonNode before = view.before() == null ? UsulanChanges.JSON.createObjectNode() : view.before();
		if (changes == null) {
			return rows;
		}
		for (var entry : changes.properties()) {
			String field = entry.getKey();
			JsonNode value = entry.getValue();
			if (field.equals("conditions")) {
				for (var condition : value.properties()) {
					String name = condition.getKey();
					rows.add(new ChangeRow(LABELS.getOrDefault(name, "registry." + name),
							shown(name, before.path("conditions").get(name)), shown(name, condition.getValue())));
				}
			}
			else if (value.isValueNode()) {
				rows.add(new ChangeRow(LABELS.getOrDefault(field, "usulan.field." + field), shown(field, before.get(field)),
						shown(field, value)));
			}
		}
		return rows;
	}

	@PostMapping("/{id}/{step:sepakati|ajukan|kembalikan|sahkan|kirim|cek-lapangan|batalkan}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String text,
			@RequestParam(name = "layak", required = false) Boolean eligible, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		try {
			switch (step) {
				case "cek-lapangan" -> usulans.recordFieldCheck(user, id, eligible, text);
				case "batalkan" -> usulans.withdraw(user, id, text);
				case "sepakati" -> usulans.agree(user, id, text);
				case "ajukan" -> usulans.submit(user, id);
				case "kembalikan" -> usulans.returnForCorrection(user, id, text);
				case "sahkan" -> usulans.endorse(user, id);
				default -> usulans.send(user, id);
			}
			redirect.addFlashAttribute("notice", "usulan.done." + step);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/usulan/" + id;
	}

	/** A photo or document for the usulan's evidence, under the id its form carries (a second tap stores it once). */
	@PostMapping("/{id}/lampiran")
	String attach(@PathVariable UUID id, @RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "lampiranId", required = false) UUID attachmentId, RedirectAttributes redirect)
			throws IOException {
		CurrentUser user = access.requireUser();
		try {
			if (file != null && file.getSize() > UsulanAttachments.MAX_BYTES) {
				throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TOO_LARGE"));
			}
			attachments.upload(user, id, attachmentId == null ? UUID.randomUUID() : attachmentId, kind,
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("notice", "usulan.done.lampiran");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/usulan/" + id;
	}

	@GetMapping("/{id}/lampiran/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		return UsulanAttachmentController.served(attachments.content(access.requireUser(), id, attachmentId));
	}

	/** The new-usulan form: a new family without a household; about a household, the kinds to choose from. */
	@GetMapping("/baru")
	String newForm(@RequestParam(name = "rumahTangga", required = false) UUID householdId,
			@RequestParam(name = "jenis", required = false) String kind,
			@RequestParam(name = "pbi", required = false) UUID pbiListing, Model model) {
		CurrentUser user = access.requireUser();
		user.require(Action.USULAN_PROPOSE);
		Kind chosen = householdId == null ? Kind.ENTER : parseKind(kind);
		if (householdId == null && pbiListing != null) {
			// someone on a PBI-JK list the registry does not hold: the new family starts with them
			Deactivations.Unregistered listed = deactivations.unregistered(user, pbiListing)
				.orElseThrow(() -> new NotFoundException("Deactivation"));
			ObjectNode changes = UsulanChanges.JSON.createObjectNode();
			ObjectNode member = changes.putArray("members").addObject().put("name", listed.name());
			if (listed.nik() != null) {
				member.put("nik", listed.nik());
			}
			return form(model, user, null, Kind.ENTER, null, changes, messages.getMessage("usulan.fromPbi",
					new Object[] { listed.decree() }, LocaleContextHolder.getLocale()), Map.of());
		}
		return form(model, user, householdId, chosen, null, UsulanChanges.JSON.createObjectNode(), null, Map.of());
	}

	private static Kind parseKind(String kind) {
		try {
			return kind == null ? null : Kind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String form(Model model, CurrentUser user, UUID householdId, Kind kind, String village, JsonNode changes,
			String reason, Map<String, String> errors) {
		HouseholdView household = householdId == null ? null
				: households.household(user, householdId).orElseThrow(() -> new NotFoundException("Household"));
		if (household == null) {
			// only a new family is proposed without a household: the other kinds start from one
			kind = Kind.ENTER;
		}
		String own = user.territory().regionCode().map(RegionCode::value).orElse(null);
		model.addAttribute("household", household);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", List.of(Kind.CHANGE, Kind.REMOVE, Kind.PROGRAMME, Kind.SANGGAH, Kind.ENTER));
		model.addAttribute("changes", changes);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		boolean ownVillage = own != null && RegionCode.of(own).level() == RegionLevel.VILLAGE;
		model.addAttribute("village", village != null ? village : ownVillage ? own : null);
		model.addAttribute("villages", household != null || ownVillage || own == null
				|| RegionCode.of(own).level() == RegionLevel.PROVINCE ? List.of() : regions.villagesWithin(RegionCode.of(own)));
		JsonNode members = changes.path("members");
		int rows = Math.max(3, members.isArray() ? members.size() + 1 : 0);
		model.addAttribute("memberRows", IntStream.range(0, Math.min(rows, UsulanChanges.MAX_MEMBERS)).boxed().toList());
		model.addAttribute("removalReasons", UsulanChanges.REMOVAL_REASONS.stream().sorted().toList());
		model.addAttribute("programmes", UsulanChanges.PROGRAMMES.stream().sorted().toList());
		model.addAttribute("relationships", Relationship.values());
		model.addAttribute("conditionFields", RegistryProposals.FIELDS);
		return "update/new";
	}

	/**
	 * An edit keeps what its form does not show: each of the stored changes' fields with no input on the form
	 * (a sanggah's coordinates from the app, say) stays as it was; what the form shows, even emptied, is the form's.
	 */
	static ObjectNode kept(ObjectNode fromForm, MultiValueMap<String, String> form, JsonNode stored) {
		Set<String> onForm = new HashSet<>();
		for (String name : form.keySet()) {
			if (name.startsWith("changes.")) {
				onForm.add(name.substring("changes.".length()).split("[.\\[]")[0]);
			}
		}
		if (stored != null && stored.isObject()) {
			stored.properties().forEach(field -> {
				if (!onForm.contains(field.getKey()) && !fromForm.has(field.getKey()) && !field.getKey().equals("fieldCheck")) {
					fromForm.set(field.getKey(), field.getValue().deepCopy());
				}
			});
		}
		return fromForm;
	}

	/** A form's {@code changes.…} fields as the API's JSON: {@code changes.members[1].nik} → members[1].nik. */
	static ObjectNode changesOf(MultiValueMap<String, String> form) {
		ObjectNode changes = UsulanChanges.JSON.createObjectNode();
		Pattern indexed = Pattern.compile("([a-zA-Z]+)\\[(\\d{1,2})]");
		for (Map.Entry<String, List<String>> field : form.entrySet()) {
			if (!field.getKey().startsWith("changes.") || field.getValue().isEmpty()) {
				continue;
			}
			String value = field.getValue().getFirst();
			if (value == null || value.isBlank()) {
				continue;
			}
			String[] path = field.getKey().substring("changes.".length()).split("\\.");
			if (path.length > 3) {
				continue;
			}
			ObjectNode at = changes;
			for (int i = 0; i < path.length - 1; i++) {
				Matcher m = indexed.matcher(path[i]);
				if (m.matches()) {
					ArrayNode list = at.has(m.group(1)) && at.get(m.group(1)).isArray() ? (ArrayNode) at.get(m.group(1))
							: at.putArray(m.group(1));
					int index = Integer.parseInt(m.group(2));
					while (list.size() <= index) {
						list.addObject();
					}
					at = (ObjectNode) list.get(index);
				}
				else {
					at = at.has(path[i]) && at.get(path[i]).isObject() ? (ObjectNode) at.get(path[i]) : at.putObject(path[i]);
				}
			}
			at.put(path[path.length - 1], value.strip());
		}
		// member rows left empty are not members
		JsonNode members = changes.get("members");
		if (members != null && members.isArray()) {
			ArrayNode kept = UsulanChanges.JSON.createArrayNode();
			members.forEach(m -> {
				if (!m.isEmpty()) {
					kept.add(m);
				}
			});
			if (kept.isEmpty()) {
				changes.remove("members");
			}
			else {
				changes.set("members", kept);
			}
		}
		return changes;
	}

	/** An id the form carries; one that is not an id names nothing the user may see. */
	private static UUID uuid(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("Household");
		}
	}

	@PostMapping("/baru")
	String propose(@RequestParam MultiValueMap<String, String> form, Model model) {
		CurrentUser user = access.requireUser();
		UUID householdId = uuid(form.getFirst("householdId"));
		UUID personId = uuid(form.getFirst("personId"));
		Kind kind = parseKind(form.getFirst("kind"));
		ObjectNode changes = changesOf(form);
		String village = form.getFirst("villageCode");
		String reason = form.getFirst("reason");
		try {
			UsulanView made = usulans.propose(user, new NewUsulan(null, kind == null ? null : kind.name(), village,
					householdId, personId, reason, changes));
			return "redirect:/usulan/" + made.id();
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				errors.putIfAbsent(problem.field(), problem.message());
			}
			return form(model, user, householdId, kind, village, changes, reason, errors);
		}
	}
}
