package org.simpul.update;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.update.UpdateCycles.Calendar;
import org.simpul.update.UpdateCycles.Cycle;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Status;
import org.simpul.update.UsulanQueries.UsulanItem;
import org.simpul.update.UsulanQueries.UsulanView;
import org.simpul.update.Usulans.NewUsulan;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The registry update API (API.md "Registry updates"): cycles, the district calendar, usulan and their moves. */
@RestController
class UsulanController {

	private final Usulans usulans;

	private final UsulanQueries queries;

	private final UpdateCycles cycles;

	private final AccessControl access;

	private final AuditTrail audit;

	UsulanController(Usulans usulans, UsulanQueries queries, UpdateCycles cycles, AccessControl access, Bnba bnba,
			UsulanOverview overview, AuditTrail audit) {
		this.audit = audit;
		this.bnba = bnba;
		this.overview = overview;
		this.usulans = usulans;
		this.queries = queries;
		this.cycles = cycles;
		this.access = access;
	}

	/** A cycle as the API shows it: the region asked about, its district's month and the month's three days. */
	record CycleView(UUID id, String regionCode, String regencyCode, String period, LocalDate entryUntil,
			LocalDate musdesUntil, LocalDate cutOff, boolean ranking) {

		static CycleView of(String region, Cycle cycle) {
			return new CycleView(cycle.id(), region, cycle.regencyCode(), cycle.period(), cycle.entryUntil(),
					cycle.musdesUntil(), cycle.cutOff(), cycle.ranking());
		}
	}

	@GetMapping("/api/v1/update-cycles/current")
	CycleView current(@RequestParam(required = false) String regionCode) {
		Cycle cycle = cycles.current(access.requireUser(), regionCode);
		return CycleView.of(regionCode.strip(), cycle);
	}

	@GetMapping("/api/v1/update-calendars/{regencyCode}")
	ResponseEntity<Calendar> calendar(@PathVariable String regencyCode) {
		var user = access.requireUser();
		user.require(Action.USULAN_READ);
		String regency = UpdateCycles.regencyOf(regencyCode);
		if (!regency.equals(regencyCode) || !user.touches(RegionCode.of(regency))) {
			throw new NotFoundException("Regency");
		}
		Calendar calendar = cycles.calendar(regency);
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(calendar.version())).body(calendar);
	}

	record CalendarChange(Integer entryDay, Integer musdesDay, Integer cutOffDay, List<Integer> rankingMonths,
			Integer sanggahDays, Integer musdesMonths) {
	}

	@PutMapping("/api/v1/update-calendars/{regencyCode}")
	ResponseEntity<Calendar> saveCalendar(@PathVariable String regencyCode,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody(required = false) CalendarChange body) {
		if (body == null) {
			throw new InvalidInputException(FieldProblem.of("entryDay", "REQUIRED"));
		}
		Calendar saved = cycles.save(access.requireUser(), regencyCode, ifMatch,
				new Calendar(regencyCode, orZero(body.entryDay()), orZero(body.musdesDay()), orZero(body.cutOffDay()),
						body.rankingMonths(), orZero(body.sanggahDays()), orZero(body.musdesMonths()), 0, true));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(saved.version())).body(saved);
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	@PostMapping("/api/v1/usulan")
	ResponseEntity<UsulanView> propose(@RequestBody NewUsulan body) {
		UsulanView made = usulans.propose(access.requireUser(), body);
		return ResponseEntity.created(URI.create("/api/v1/usulan/" + made.id()))
			.eTag(PreconditionFailedException.etag(made.version()))
			.body(made);
	}

	@GetMapping("/api/v1/usulan/{id}")
	ResponseEntity<UsulanView> usulan(@PathVariable UUID id) {
		UsulanView view = queries.usulan(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Usulan"));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	@GetMapping("/api/v1/usulan")
	PageResponse<UsulanItem> list(@RequestParam(required = false) String villageCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) UUID cycleId,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.list(access.requireUser(), new UsulanQueries.Filter(blankToNull(villageCode),
				parse(Status.class, "status", status), cycleId, parse(Kind.class, "kind", kind)),
				new PageRequest(page, size));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of(field, "INVALID_VALUE"));
		}
	}

	record CheckResult(List<Usulans.CheckFailure> failures) {
	}

	/** The integrity checks over a village's open usulan, as the village would submit them. */
	@GetMapping("/api/v1/usulan/checks")
	CheckResult checks(@RequestParam(required = false) String villageCode) {
		return new CheckResult(usulans.check(access.requireUser(), villageCode));
	}

	record VillageSubmission(String villageCode, List<UUID> ids) {
	}

	record Submitted(int submitted) {
	}

	/** The agreed usulan of a village (all, or those of {@code ids}) to Dinsos, all or none (400 names each failed check). */
	@PostMapping("/api/v1/usulan/submit")
	Submitted submitAll(@RequestBody(required = false) VillageSubmission body) {
		return new Submitted(usulans.submitAll(access.requireUser(), body == null ? null : body.villageCode(),
				body == null ? null : body.ids()));
	}

	private final Bnba bnba;

	private final UsulanOverview overview;

	/** Per village of a district or sub-district: musdes held, usulan by kind and status, waiting, return reasons. */
	@GetMapping("/api/v1/usulan/overview")
	UsulanOverview.Overview overview(@RequestParam(required = false) String regionCode) {
		return overview.overview(access.requireUser(), regionCode);
	}

	/** The BNBA list of the usulan a filter selects (endorsed ones by default) as XLSX, streamed. */
	@GetMapping("/api/v1/usulan/bnba.xlsx")
	void bnbaXlsx(@RequestParam(required = false) String villageCode, @RequestParam(required = false) String status,
			@RequestParam(required = false) UUID cycleId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String columns, HttpServletResponse response) throws IOException {
		writeBnba(access.requireUser(), villageCode, status, cycleId, kind, columns, "xlsx", response);
	}

	@GetMapping("/api/v1/usulan/bnba.pdf")
	void bnbaPdf(@RequestParam(required = false) String villageCode, @RequestParam(required = false) String status,
			@RequestParam(required = false) UUID cycleId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String columns, HttpServletResponse response) throws IOException {
		writeBnba(access.requireUser(), villageCode, status, cycleId, kind, columns, "pdf", response);
	}

	/** The BNBA as XLSX or PDF, for the API and the pages alike; never cached (it names people). */
	void writeBnba(CurrentUser user, String villageCode, String status, UUID cycleId, String kind, String columns,
			String format, HttpServletResponse response) throws IOException {
		user.require(Action.USULAN_READ);
		List<String> chosen = Bnba.columns(columns);
		String village = blankToNull(villageCode);
		if (village != null) {
			village = usulans.village(user, village);
		}
		UsulanQueries.Filter filter = new UsulanQueries.Filter(village, parse(Status.class, "status", status), cycleId,
				parse(Kind.class, "kind", kind));
		List<Bnba.Row> rows = bnba.rows(user, filter);
		// the list leaves Simpul with names, NIKs and addresses: the export itself is on the trail (each usulan's
		// read is too, with whom it is about)
		audit.record(user, AuditTrail.Action.EXPORT, "USULAN_BNBA", UUID.randomUUID(), List.of());
		String where = village == null ? user.territory().regionCode().map(RegionCode::value).orElse(null) : village;
		String period = cycleId == null ? null : cycles.cycle(user, cycleId).map(UpdateCycles.Cycle::period).orElse(null);
		String title = Bnba.title(where, period);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + Bnba.fileName(where, format) + "\"");
		if (format.equals("pdf")) {
			byte[] pdf = bnba.pdf(rows, chosen, title);
			response.setContentType(MediaType.APPLICATION_PDF_VALUE);
			response.setContentLength(pdf.length);
			response.getOutputStream().write(pdf);
		}
		else {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			bnba.xlsx(rows, chosen, title, response.getOutputStream());
		}
	}

	record Correction(String reason, JsonNode changes) {
	}

	@PutMapping("/api/v1/usulan/{id}")
	ResponseEntity<UsulanView> correct(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody(required = false) Correction body) {
		UsulanView view = usulans.correct(access.requireUser(), id, ifMatch, body == null ? null : body.reason(),
				body == null ? null : body.changes());
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	record Note(String note) {
	}

	record Reason(String reason) {
	}

	@PostMapping("/api/v1/usulan/{id}/agree")
	UsulanView agree(@PathVariable UUID id, @RequestBody(required = false) Note body) {
		return usulans.agree(access.requireUser(), id, body == null ? null : body.note());
	}

	@PostMapping("/api/v1/usulan/{id}/submit")
	UsulanView submit(@PathVariable UUID id) {
		return usulans.submit(access.requireUser(), id);
	}

	@PostMapping("/api/v1/usulan/{id}/return")
	UsulanView returnForCorrection(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return usulans.returnForCorrection(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/usulan/{id}/endorse")
	UsulanView endorse(@PathVariable UUID id) {
		return usulans.endorse(access.requireUser(), id);
	}

	record Withdrawal(String reason) {
	}

	/** The village withdraws an usulan it has not submitted. */
	@PostMapping("/api/v1/usulan/{id}/withdraw")
	UsulanView withdraw(@PathVariable UUID id, @RequestBody(required = false) Withdrawal body) {
		return usulans.withdraw(access.requireUser(), id, body == null ? null : body.reason());
	}

	record FieldCheck(Boolean eligible, String note) {
	}

	/** The field check of a sanggah: the recipient found eligible or not. */
	@PostMapping("/api/v1/usulan/{id}/field-check")
	UsulanView fieldCheck(@PathVariable UUID id, @RequestBody(required = false) FieldCheck body) {
		return usulans.recordFieldCheck(access.requireUser(), id, body == null ? null : body.eligible(),
				body == null ? null : body.note());
	}

	@PostMapping("/api/v1/usulan/{id}/send")
	UsulanView send(@PathVariable UUID id) {
		return usulans.send(access.requireUser(), id);
	}
}
