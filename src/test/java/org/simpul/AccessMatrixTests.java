package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The territorial access matrix: every demo user (and an anonymous caller) × every operation of the OpenAPI
 * document × a target in the caller's own territory, a sibling, the parent and another district → the
 * expected status, and no foreign record in any body. The cells are generated from {@code /v3/api-docs}; a
 * new endpoint without its rule in {@link #ENDPOINTS} is a failing cell until it gets one.
 */
@SimpulIntegrationTest
class AccessMatrixTests {

	enum Relation {
		OWN, SIBLING, PARENT, OTHER
	}

	/** A demo caller and the regions that stand in each relation to its territory. */
	record Caller(String username, String role, Map<Relation, String> targets) {
	}

	static final List<Caller> CALLERS = List.of(
			new Caller("admin", "ADMIN", Map.of(Relation.OWN, "33.28.10")),
			new Caller("manajer.tegal", "MANAGER",
					Map.of(Relation.OWN, "33.28", Relation.SIBLING, "33.29", Relation.PARENT, "33", Relation.OTHER, "33.23")),
			new Caller("manajer.temanggung", "MANAGER",
					Map.of(Relation.OWN, "33.23", Relation.SIBLING, "33.24", Relation.PARENT, "33", Relation.OTHER, "33.28")),
			new Caller("tksk.slawi", "SUPERVISOR", Map.of(Relation.OWN, "33.28.10", Relation.SIBLING, "33.28.11",
					Relation.PARENT, "33.28", Relation.OTHER, "33.23.01")),
			new Caller("fo.procot", "FRONT_OFFICE", Map.of(Relation.OWN, "33.28.10.1008", Relation.SIBLING,
					"33.28.10.1007", Relation.PARENT, "33.28.10", Relation.OTHER, "33.23.01.2001")),
			new Caller("bo.procot", "BACK_OFFICE", Map.of(Relation.OWN, "33.28.10.1008", Relation.SIBLING,
					"33.28.10.1007", Relation.PARENT, "33.28.10", Relation.OTHER, "33.23.01.2001")),
			new Caller("psm.procot", "FACILITATOR", Map.of(Relation.OWN, "33.28.10.1008", Relation.SIBLING,
					"33.28.10.1007", Relation.PARENT, "33.28.10", Relation.OTHER, "33.28.11.2001")),
			new Caller("psm.pedeslohor", "FACILITATOR", Map.of(Relation.OWN, "33.28.11.2001", Relation.SIBLING,
					"33.28.11.2002", Relation.PARENT, "33.28.11", Relation.OTHER, "33.28.10.1008")),
			new Caller("operator.procot", "DATA_OPERATOR", Map.of(Relation.OWN, "33.28.10.1008", Relation.SIBLING,
					"33.28.10.1007", Relation.PARENT, "33.28.10", Relation.OTHER, "33.23.01.2001")),
			new Caller("koordinator.procot", "COORDINATOR", Map.of(Relation.OWN, "33.28.10.1008", Relation.SIBLING,
					"33.28.10.1007", Relation.PARENT, "33.28.10", Relation.OTHER, "33.23.01.2001")),
			new Caller("operator.tegal", "DATA_OPERATOR", Map.of(Relation.OWN, "33.28", Relation.SIBLING, "33.29",
					Relation.PARENT, "33", Relation.OTHER, "33.23")),
			new Caller("program.dinkes", "PROGRAM_MANAGER", Map.of(Relation.OWN, "33.28", Relation.SIBLING, "33.29",
					Relation.PARENT, "33", Relation.OTHER, "33.23")),
			new Caller("dpo.tegal", "DPO", Map.of(Relation.OWN, "33.28", Relation.SIBLING, "33.29",
					Relation.PARENT, "33", Relation.OTHER, "33.23")),
			new Caller(null, "ANONYMOUS", Map.of(Relation.OWN, "33.28.10.1008")));

	/** An endpoint of the matrix: how to call it for a target region, and which status each cell expects. */
	interface Endpoint {

		String name();

		MvcTestResult call(AccessMatrixTests test, String authorization, String targetRegion);

		HttpStatus expected(String role, Relation relation);

		/** The expected status for this caller (most rules ask only the caller's role). */
		default HttpStatus expected(Caller caller, Relation relation) {
			return expected(caller.role(), relation);
		}
	}

	/** A rule whose expectation depends on the caller's territory too, not only on its role. */
	record CallerRule(String name, Rule.Call call, BiFunction<Caller, Relation, HttpStatus> expectation)
			implements Endpoint {

		@Override
		public MvcTestResult call(AccessMatrixTests test, String authorization, String targetRegion) {
			return call.call(test, authorization, targetRegion);
		}

		@Override
		public HttpStatus expected(String role, Relation relation) {
			throw new UnsupportedOperationException(name + " asks the caller");
		}

		@Override
		public HttpStatus expected(Caller caller, Relation relation) {
			return expectation.apply(caller, relation);
		}

		@Override
		public String toString() {
			return name;
		}
	}

	/** Whether {@code region} lies inside {@code own} or {@code own} inside it (a code and the codes below it). */
	static boolean touching(String own, String region) {
		return own == null || region.equals(own) || region.startsWith(own + ".") || own.startsWith(region + ".");
	}

	static final Set<String> USULAN_READERS = Set.of("ADMIN", "MANAGER", "SUPERVISOR", "BACK_OFFICE", "FRONT_OFFICE",
			"FACILITATOR", "DATA_OPERATOR", "COORDINATOR");

	/** Who records reactivation requests and completes them (PBI_REQUEST), and Dinsos' PBI desk (PBI_PROCESS). */
	static final Set<String> PBI_REQUESTERS = Set.of("MANAGER", "SUPERVISOR", "BACK_OFFICE", "FRONT_OFFICE",
			"FACILITATOR", "DATA_OPERATOR", "COORDINATOR");

	static final Set<String> PBI_DINSOS = Set.of("MANAGER", "DATA_OPERATOR");

	static final Set<String> USULAN_PROPOSERS = Set.of("MANAGER", "SUPERVISOR", "BACK_OFFICE", "FRONT_OFFICE",
			"FACILITATOR", "DATA_OPERATOR", "COORDINATOR");

	/**
	 * The update cycle and calendar of a region: read by the usulan's readers whose territory touches it; a
	 * province has none (404).
	 */
	static HttpStatus cycleRead(Caller caller, String region) {
		if (caller.role().equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (!USULAN_READERS.contains(caller.role())) {
			return HttpStatus.FORBIDDEN;
		}
		if (region.length() == 2) {
			return HttpStatus.NOT_FOUND;
		}
		String own = caller.role().equals("ADMIN") ? null : caller.targets().get(Relation.OWN);
		return touching(own, region) ? HttpStatus.OK : HttpStatus.NOT_FOUND;
	}

	/** The regency a target lies in (a province stays itself). */
	static String regencyOf(String region) {
		return region.length() >= 5 ? region.substring(0, 5) : region;
	}

	/**
	 * A step on an usulan of the target's village: the usulan's readers see it in their territory (404 outside);
	 * of them, {@code actors} take the step (403 for the others), Dinsos' steps only from a district-wide
	 * territory (a village's data operator 403).
	 */
	static HttpStatus usulanStep(Caller caller, Relation relation, Set<String> actors, boolean dinsos,
			HttpStatus success) {
		String role = caller.role();
		if (role.equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (!USULAN_READERS.contains(role)) {
			return HttpStatus.FORBIDDEN;
		}
		if (relation != Relation.OWN) {
			return HttpStatus.NOT_FOUND;
		}
		if (!actors.contains(role) || dinsos && caller.targets().get(Relation.OWN).length() == 13) {
			return HttpStatus.FORBIDDEN;
		}
		return success;
	}

	static HttpStatus publicRead(String role, Relation relation) {
		return HttpStatus.OK;
	}

	/**
	 * Users and PPKS lists: administrators everywhere, managers inside their territory (404 outside), others
	 * 403.
	 */
	static HttpStatus administration(String role, Relation relation, HttpStatus success) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "ADMIN" -> success;
			case "MANAGER" -> relation == Relation.OWN ? success : HttpStatus.NOT_FOUND;
			default -> HttpStatus.FORBIDDEN;
		};
	}

	record Rule(String name, Call call, BiFunction<String, Relation, HttpStatus> expectation)
			implements Endpoint {

		interface Call {

			MvcTestResult call(AccessMatrixTests test, String authorization, String targetRegion);
		}

		@Override
		public MvcTestResult call(AccessMatrixTests test, String authorization, String targetRegion) {
			return call.call(test, authorization, targetRegion);
		}

		@Override
		public HttpStatus expected(String role, Relation relation) {
			return expectation.apply(role, relation);
		}

		@Override
		public String toString() {
			return name;
		}
	}

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	/**
	 * Corrections of what is registered (a household's data, members joining, leaving, moving; deciding a registry
	 * proposal): the district's data operator and manager and the administrator, in their territory (404
	 * outside); everyone else, a village's data operator too, 403: the village proposes them as usulan.
	 */
	static HttpStatus correction(Caller caller, Relation relation, HttpStatus success) {
		if (caller.role().equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		boolean districtWide = caller.role().equals("ADMIN") || caller.targets().get(Relation.OWN).length() <= 5;
		if (!Set.of("ADMIN", "MANAGER", "DATA_OPERATOR").contains(caller.role()) || !districtWide) {
			return HttpStatus.FORBIDDEN;
		}
		return relation == Relation.OWN ? success : HttpStatus.NOT_FOUND;
	}

	/**
	 * Complaints: the desks, facilitators, the Puskesos coordinator, supervisors and managers in their territory
	 * (404 outside); others 403.
	 */
	static HttpStatus complaints(String role, Relation relation, HttpStatus success) {
		if (role.equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (!Set.of("MANAGER", "SUPERVISOR", "BACK_OFFICE", "FRONT_OFFICE", "FACILITATOR", "COORDINATOR").contains(role)) {
			return HttpStatus.FORBIDDEN;
		}
		return relation == Relation.OWN ? success : HttpStatus.NOT_FOUND;
	}

	/**
	 * A referral to Dinkes Kabupaten Tegal in the target's village: Dinkes' programme manager sees and acts on
	 * it wherever it is; staff see it in their territory (404 outside) and may not act on it (403).
	 */
	static HttpStatus referrals(String role, Relation relation, HttpStatus success, boolean action) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "PROGRAM_MANAGER" -> success;
			// the DPO reads referrals only through a person's export; the registry's operators do not read them
			case "DPO", "DATA_OPERATOR" -> HttpStatus.FORBIDDEN;
			default -> relation != Relation.OWN ? HttpStatus.NOT_FOUND : action ? HttpStatus.FORBIDDEN : success;
		};
	}

	/**
	 * Decisions of the referring side (approve or decline a recommendation, move a due date): {@code deciders}
	 * of the territory; other staff who see it 403; the receiving agency and everyone elsewhere 404.
	 */
	static HttpStatus referralDecisions(String role, Relation relation, Set<String> deciders) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "PROGRAM_MANAGER" -> HttpStatus.NOT_FOUND;
			case "DPO", "DATA_OPERATOR" -> HttpStatus.FORBIDDEN;
			default -> relation != Relation.OWN ? HttpStatus.NOT_FOUND
					: deciders.contains(role) ? HttpStatus.OK : HttpStatus.FORBIDDEN;
		};
	}

	/**
	 * What belongs to the target's regency: readable by whoever works in, above or inside it (asked of the
	 * caller's own territory: a data operator works in a village or for a whole district).
	 */
	static HttpStatus regencyReaders(Caller caller, Relation relation) {
		if (!caller.role().equals("DATA_OPERATOR")) {
			return regencyReaders(caller.role(), relation);
		}
		String regency = regencyOf(caller.targets().get(relation));
		return regency.length() == 5 && touching(caller.targets().get(Relation.OWN), regency) ? HttpStatus.OK
				: HttpStatus.NOT_FOUND;
	}

	/** What belongs to the target's regency: readable by whoever works in, above or inside it. */
	static HttpStatus regencyReaders(String role, Relation relation) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "ADMIN", "FACILITATOR" -> HttpStatus.OK; // the facilitators' OTHER lies in their own regency
			case "MANAGER", "PROGRAM_MANAGER", "DPO" -> relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND;
			default -> relation == Relation.OTHER ? HttpStatus.NOT_FOUND : HttpStatus.OK;
		};
	}

	/**
	 * Case assignment, closure and reopening: the back office, the Puskesos coordinator, supervisors and managers
	 * of the territory.
	 */
	static HttpStatus caseDecisions(String role, Relation relation) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "MANAGER", "SUPERVISOR", "BACK_OFFICE", "COORDINATOR" -> relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND;
			default -> HttpStatus.FORBIDDEN;
		};
	}

	/** The data protection officer's operations: in the officer's territory only; every other role 403. */
	static HttpStatus officerOnly(String role, Relation relation, HttpStatus success) {
		return switch (role) {
			case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
			case "DPO" -> relation == Relation.OWN ? success : HttpStatus.NOT_FOUND;
			default -> HttpStatus.FORBIDDEN;
		};
	}

	/** Registry reads: territorial roles in their territory, 404 outside; roles without registry access 403. */
	static HttpStatus registry(String role, Relation relation, HttpStatus success, boolean write) {
		Set<String> readers = Set.of("ADMIN", "MANAGER", "SUPERVISOR", "BACK_OFFICE", "FRONT_OFFICE",
				"FACILITATOR", "DATA_OPERATOR", "COORDINATOR", "DPO");
		Set<String> writers = Set.of("ADMIN", "MANAGER", "BACK_OFFICE", "FRONT_OFFICE",
				"FACILITATOR", "DATA_OPERATOR");
		if (role.equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (!(write ? writers : readers).contains(role)) {
			return HttpStatus.FORBIDDEN;
		}
		return relation == Relation.OWN ? success : HttpStatus.NOT_FOUND;
	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Rule("GET /api/v1/regions/{code}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/regions/{code}", region), auth),
					AccessMatrixTests::publicRead),
			new Rule("GET /api/v1/regions/{code}/children",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/regions/{code}/children", region), auth),
					AccessMatrixTests::publicRead),
			new Rule("GET /api/v1/regions?parentCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/regions?parentCode={code}", region), auth),
					AccessMatrixTests::publicRead),
			new Rule("POST /api/v1/users",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"username": "matrix.new.%d", "password": "Matrix-Password-2026", "displayName": "Matrix",
								 "role": "FACILITATOR", "regionCode": "%s"}""".formatted(SEQUENCE.incrementAndGet(), region)),
							auth),
					(role, relation) -> administration(role, relation, HttpStatus.CREATED)),
			new Rule("GET /api/v1/users/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/users/{id}", t.userIn(region)), auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("PUT /api/v1/users/{id}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/users/{id}", t.userIn(region))
						.header("If-Match", "\"0\"")
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"displayName": "Matrix edited", "role": "FACILITATOR", "regionCode": "%s"}""".formatted(region)),
							auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/users/{id}/deactivate",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/deactivate", t.userIn(region)), auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/users/{id}/activate",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/activate", t.userIn(region)), auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("GET /api/v1/users/{id} of a MANAGER",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/users/{id}", t.userIn(region, "MANAGER")), auth),
					(role, relation) -> role.equals("MANAGER") ? HttpStatus.NOT_FOUND
							: administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/users/{id}/password of a MANAGER",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/password", t.userIn(region, "MANAGER"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"password\": \"Matrix-Reset-2026\"}"), auth),
					(role, relation) -> role.equals("MANAGER") ? HttpStatus.NOT_FOUND
							: administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/users/{id}/deactivate of an ADMIN",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/deactivate", t.userIn(null, "ADMIN")),
							auth),
					(role, relation) -> role.equals("MANAGER") ? HttpStatus.NOT_FOUND
							: administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/households",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
						.content(t.householdBody(t.villageFor(region))), auth),
					(role, relation) -> registry(role, relation, HttpStatus.CREATED, true)),
			new Rule("GET /api/v1/households/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/households/{id}",
							t.householdIn(t.villageFor(region)).householdId()), auth),
					(role, relation) -> registry(role, relation, HttpStatus.OK, false)),
			new CallerRule("PUT /api/v1/households/{id}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/households/{id}",
							t.householdIn(t.villageFor(region)).householdId())
						.header("If-Match", "\"0\"")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"welfareDecile\": 3}"), auth),
					(caller, relation) -> correction(caller, relation, HttpStatus.OK)),
			new CallerRule("POST /api/v1/households/{id}/members",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.post().uri("/api/v1/households/{id}/members", t.householdIn(village).householdId())
							.contentType(MediaType.APPLICATION_JSON)
							.content("""
									{"nik": "%s", "name": "Matrix Child", "birthDate": "2010-01-02", "sex": "M",
									 "relationship": "CHILD"}""".formatted(TestIdentifiers.nik(
									village.substring(0, 8), LocalDate.of(2010, 1, 2), Sex.M))),
								auth);
					},
					(caller, relation) -> correction(caller, relation, HttpStatus.CREATED)),
			new Rule("GET /api/v1/registry/duplicates",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/registry/duplicates"), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN", "MANAGER", "SUPERVISOR" -> HttpStatus.OK;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/registry/duplicates/scan",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/registry/duplicates/scan"), auth),
					// a scan of the caller's own territory: the same answer whatever the target
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN", "MANAGER", "SUPERVISOR" -> HttpStatus.OK;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/registry/duplicates/{id}/merge",
					(t, auth, region) -> {
						UUID candidate = t.duplicateIn(t.villageFor(region));
						UUID keep = t.jdbc.sql("select person_a from duplicate_candidate where id = :id").param("id", candidate)
							.query(UUID.class).single();
						return t.send(t.mvc.post().uri("/api/v1/registry/duplicates/{id}/merge", candidate)
							.contentType(MediaType.APPLICATION_JSON).content("{\"keep\": \"" + keep + "\"}"), auth);
					},
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN" -> HttpStatus.NO_CONTENT;
						case "MANAGER", "SUPERVISOR" -> relation == Relation.OWN ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/registry/duplicates/{id}/dismiss",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/registry/duplicates/{id}/dismiss",
							t.duplicateIn(t.villageFor(region))), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN" -> HttpStatus.NO_CONTENT;
						case "MANAGER", "SUPERVISOR" -> relation == Relation.OWN ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("GET /api/v1/persons/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/persons/{id}",
							t.householdIn(t.villageFor(region)).personId()), auth),
					(role, relation) -> registry(role, relation, HttpStatus.OK, false)),
			new CallerRule("PUT /api/v1/persons/{id}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/persons/{id}",
							t.householdIn(t.villageFor(region)).personId())
						.header("If-Match", "*")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\": \"Matrix Perbaikan\"}"), auth),
					(caller, relation) -> correction(caller, relation, HttpStatus.OK)),
			new CallerRule("POST /api/v1/persons/{id}/leave",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/persons/{id}/leave",
							t.householdIn(t.villageFor(region)).personId())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"MOVED_AWAY\", \"date\": \"2020-01-02\"}"), auth),
					(caller, relation) -> correction(caller, relation, HttpStatus.OK)),
			new CallerRule("POST /api/v1/persons/{id}/move",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						UUID child = t.childIn(t.householdIn(village), village);
						return t.send(t.mvc.post().uri("/api/v1/persons/{id}/move", child)
							.contentType(MediaType.APPLICATION_JSON)
							.content("{\"householdId\": \"" + t.householdIn(village).householdId() + "\"}"), auth);
					},
					(caller, relation) -> correction(caller, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/complaints",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "%s", "description": "Matrix",
								 "ppksCodes": ["24"], "subject": {"name": "Matrix Subject"}}""".formatted(t.villageFor(region))),
							auth),
					(role, relation) -> complaints(role, relation, HttpStatus.CREATED)),
			new Rule("GET /api/v1/complaints/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/complaints/{id}",
							t.complaintIn(t.villageFor(region)).id()), auth),
					(role, relation) -> complaints(role, relation, HttpStatus.OK)),
			new Rule("PUT /api/v1/complaints/{id}",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.put().uri("/api/v1/complaints/{id}", t.complaintIn(village).id())
							.header("If-Match", "\"0\"")
							.contentType(MediaType.APPLICATION_JSON)
							.content("""
									{"channel": "WALK_IN", "category": "OTHER", "villageCode": "%s", "description": "Edited",
									 "ppksCodes": ["24"]}""".formatted(village)), auth);
					},
					(role, relation) -> complaints(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/public/tracking",
					(t, auth, region) -> {
						Complaint complaint = t.complaintIn(t.villageFor(region));
						// each call from its own address, so that the tracking rate limit never speaks here
						return t.send(t.mvc.post().uri("/api/v1/public/tracking").with(request -> {
							request.setRemoteAddr("10.9." + (SEQUENCE.incrementAndGet() % 250) + "." + (SEQUENCE.get() / 250 % 250));
							return request;
						}).contentType(MediaType.APPLICATION_JSON).content("""
								{"ticketNumber": "%s", "trackingCode": "%s"}""".formatted(complaint.ticketNumber(),
								complaint.trackingCode())), auth);
					},
					(role, relation) -> HttpStatus.OK),
			new CallerRule("GET /api/v1/ppks-lists?regencyCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/ppks-lists?regencyCode={code}",
							t.villageFor(region).substring(0, 5)), auth),
					// the lists of the target's regency: readable by whoever works in, above or inside it
					AccessMatrixTests::regencyReaders),
			new Rule("POST /api/v1/ppks-lists",
					(t, auth, region) -> t.withNationalPpks(() -> t.send(t.mvc.post().uri("/api/v1/ppks-lists")
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"regencyCode": "%s", "name": "Matrix %d",
								 "categories": [{"code": "24", "label": "Fakir miskin", "nationalCode": "24"}]}"""
							.formatted(t.villageFor(region).substring(0, 5), SEQUENCE.incrementAndGet())), auth)),
					(role, relation) -> administration(role, relation, HttpStatus.CREATED)),
			new Rule("POST /api/v1/ppks-lists/{id}/activate",
					(t, auth, region) -> t.withNationalPpks(() -> t.send(t.mvc.post().uri("/api/v1/ppks-lists/{id}/activate",
							t.ppksListIn(t.villageFor(region).substring(0, 5))), auth)),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/ppks-lists/{id}/deactivate",
					(t, auth, region) -> t.withNationalPpks(() -> t.send(t.mvc.post().uri("/api/v1/ppks-lists/{id}/deactivate",
							t.ppksListIn(t.villageFor(region).substring(0, 5))), auth)),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("GET /api/v1/providers?regionCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/providers?regionCode={code}", region), auth),
					// the region itself or one around the caller's territory: anyone whose work touches it
					(role, relation) -> role.equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: relation == Relation.OWN || relation == Relation.PARENT ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new Rule("POST /api/v1/referrals",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"complaintId": "%s", "providerId": "%s", "reason": "Matrix"}""".formatted(
								t.complaintIn(t.villageFor(region)).id(), t.providerId("KEMENSOS-PKH"))), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "MANAGER", "SUPERVISOR", "BACK_OFFICE", "COORDINATOR" -> relation == Relation.OWN ? HttpStatus.CREATED
								: HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("GET /api/v1/referrals/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/referrals/{id}",
							t.referralIn(t.villageFor(region), "SENT")), auth),
					(role, relation) -> referrals(role, relation, HttpStatus.OK, false)),
			new Rule("GET /api/v1/referrals",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/referrals?overdue=true"), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "DPO", "DATA_OPERATOR" -> HttpStatus.FORBIDDEN;
						default -> HttpStatus.OK;
					}),
			new Rule("GET /api/v1/referrals/overview",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/referrals/overview"), auth),
					// counts of the caller's own territory only: the same answer whatever the target
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "PROGRAM_MANAGER", "DPO", "DATA_OPERATOR" -> HttpStatus.FORBIDDEN;
						default -> HttpStatus.OK;
					}),
			new CallerRule("POST /api/v1/registry-proposals/{id}/accept",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/registry-proposals/{id}/accept",
							t.proposalIn(t.villageFor(region))), auth),
					(caller, relation) -> correction(caller, relation, HttpStatus.NO_CONTENT)),
			new CallerRule("POST /api/v1/registry-proposals/{id}/reject",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/registry-proposals/{id}/reject",
							t.proposalIn(t.villageFor(region))).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Tidak sesuai musdes\"}"), auth),
					(caller, relation) -> correction(caller, relation, HttpStatus.NO_CONTENT)),
			new Rule("POST /api/v1/referrals/{id}/accept",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/accept",
							t.referralIn(t.villageFor(region), "SENT")), auth),
					(role, relation) -> referrals(role, relation, HttpStatus.OK, true)),
			new Rule("POST /api/v1/referrals/{id}/reject",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/reject",
							t.referralIn(t.villageFor(region), "SENT")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Matrix\"}"), auth),
					(role, relation) -> referrals(role, relation, HttpStatus.OK, true)),
			new Rule("POST /api/v1/referrals/{id}/cancel",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/cancel",
							t.referralIn(t.villageFor(region), "SENT")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Matrix\"}"), auth),
					// the senders of its territory; the receiving agency and staff elsewhere do not see it to withdraw
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "PROGRAM_MANAGER" -> HttpStatus.NOT_FOUND;
						case "DPO", "DATA_OPERATOR" -> HttpStatus.FORBIDDEN;
						case "MANAGER", "SUPERVISOR", "BACK_OFFICE", "COORDINATOR" -> relation == Relation.OWN ? HttpStatus.OK
								: HttpStatus.NOT_FOUND;
						default -> relation == Relation.OWN ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
					}),
			new Rule("POST /api/v1/referrals/{id}/approve",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/approve",
							t.referralIn(t.villageFor(region), "RECOMMENDED")).contentType(MediaType.APPLICATION_JSON)
						.content("{}"), auth),
					(role, relation) -> referralDecisions(role, relation, Set.of("MANAGER", "SUPERVISOR", "COORDINATOR"))),
			new Rule("POST /api/v1/referrals/{id}/decline",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/decline",
							t.referralIn(t.villageFor(region), "RECOMMENDED")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Matrix\"}"), auth),
					(role, relation) -> referralDecisions(role, relation, Set.of("MANAGER", "SUPERVISOR", "COORDINATOR"))),
			new Rule("PUT /api/v1/referrals/{id}/due-date",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/referrals/{id}/due-date",
							t.referralIn(t.villageFor(region), "SENT")).header("If-Match", "\"0\"")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"dueDate\": \"" + LocalDate.now().plusDays(30) + "\"}"), auth),
					(role, relation) -> referralDecisions(role, relation,
							Set.of("MANAGER", "SUPERVISOR", "BACK_OFFICE", "COORDINATOR"))),
			new Rule("POST /api/v1/referrals/{id}/complete",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/referrals/{id}/complete",
							t.referralIn(t.villageFor(region), "ACCEPTED")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"outcome\": \"Matrix\"}"), auth),
					(role, relation) -> referrals(role, relation, HttpStatus.OK, true)),
			new Rule("PUT /api/v1/agencies/{id}/members/{userId}",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.put().uri("/api/v1/agencies/{id}/members/{user}", t.agencyIn(village),
								t.userIn(village, "PROGRAM_MANAGER")), auth);
					},
					(role, relation) -> administration(role, relation, HttpStatus.NO_CONTENT)),
			new Rule("GET /api/v1/agencies/{id}/members",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/agencies/{id}/members",
							t.agencyIn(t.villageFor(region))), auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("DELETE /api/v1/agencies/{id}/members/{userId}",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.delete().uri("/api/v1/agencies/{id}/members/{user}", t.agencyIn(village),
								t.userIn(village, "PROGRAM_MANAGER")), auth);
					},
					(role, relation) -> administration(role, relation, HttpStatus.NO_CONTENT)),
			new Rule("GET /api/v1/assessment-forms?kind&regionCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/assessment-forms?kind=QUICK&regionCode={code}",
							region), auth),
					(role, relation) -> role.equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: relation == Relation.OWN || relation == Relation.PARENT ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/assessment-forms/{id}",
					(t, auth, region) -> t.withNationalForms(() -> t.send(t.mvc.get().uri("/api/v1/assessment-forms/{id}",
							t.formIn(t.villageFor(region).substring(0, 5))), auth)),
					AccessMatrixTests::regencyReaders),
			new Rule("POST /api/v1/assessment-forms",
					(t, auth, region) -> t.withNationalForms(() -> t.send(t.mvc.post().uri("/api/v1/assessment-forms")
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"kind": "DEEP", "regencyCode": "%s", "title": "Matrix %d", "sections": [{"id": "a",
								 "title": "A", "questions": [{"id": "q", "label": "Q", "type": "TEXT"}]}]}"""
							.formatted(t.villageFor(region).substring(0, 5), SEQUENCE.incrementAndGet())), auth)),
					(role, relation) -> administration(role, relation, HttpStatus.CREATED)),
			new Rule("GET /api/v1/complaints/{id}/assessments",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/complaints/{id}/assessments",
							t.complaintIn(t.villageFor(region)).id()), auth),
					(role, relation) -> complaints(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/complaints/{id}/assessments",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/complaints/{id}/assessments",
							t.complaintIn(t.villageFor(region)).id()).contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"formId": "5e1ec7ed-0000-4000-8000-00000000a001", "answers": {"urgency": "BIASA",
								 "safe": true, "sick": false, "needs": ["MAKANAN"], "householdSize": 3}}"""), auth),
					// the coordinator reads a complaint's assessments to decide; those who serve the family record them
					(role, relation) -> role.equals("COORDINATOR") ? HttpStatus.FORBIDDEN
							: complaints(role, relation, HttpStatus.CREATED)),
			new Rule("PUT /api/v1/complaints/{id}/case/plan",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/complaints/{id}/case/plan",
							t.complaintIn(t.villageFor(region)).id()).header("If-Match", "\"0\"")
						.contentType(MediaType.APPLICATION_JSON).content("{\"plan\": \"Matrix\"}"), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "MANAGER", "SUPERVISOR", "BACK_OFFICE", "FACILITATOR" -> relation == Relation.OWN ? HttpStatus.OK
								: HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("GET /api/v1/data-subjects/{personId}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/data-subjects/{id}",
							t.householdIn(t.villageFor(region)).personId()), auth),
					// the data protection officer's alone
					(role, relation) -> officerOnly(role, relation, HttpStatus.OK)),
			new Rule("GET /api/v1/data-subjects/{personId}/pdf",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/data-subjects/{id}/pdf",
							t.householdIn(t.villageFor(region)).personId()), auth),
					(role, relation) -> officerOnly(role, relation, HttpStatus.OK)),
			new Rule("PUT /api/v1/data-subjects/{personId}/restriction",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/data-subjects/{id}/restriction",
							t.householdIn(t.villageFor(region)).personId()), auth),
					(role, relation) -> officerOnly(role, relation, HttpStatus.OK)),
			new Rule("DELETE /api/v1/data-subjects/{personId}/restriction",
					(t, auth, region) -> t.send(t.mvc.delete().uri("/api/v1/data-subjects/{id}/restriction",
							t.householdIn(t.villageFor(region)).personId()), auth),
					(role, relation) -> officerOnly(role, relation, HttpStatus.NO_CONTENT)),
			new Rule("POST /api/v1/data-subjects/{personId}/requests",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/data-subjects/{id}/requests",
							t.householdIn(t.villageFor(region)).personId()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"kind\": \"ACCESS\"}"), auth),
					(role, relation) -> officerOnly(role, relation, HttpStatus.CREATED)),
			new Rule("GET /api/v1/data-subject-requests",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/data-subject-requests"), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "DPO" -> HttpStatus.OK;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/data-subject-requests/{id}/close",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/data-subject-requests/{id}/close",
							t.requestIn(t.villageFor(region))).contentType(MediaType.APPLICATION_JSON)
						.content("{\"status\": \"DONE\", \"outcome\": \"Matrix\"}"), auth),
					(role, relation) -> officerOnly(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/breach-drills",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/breach-drills").contentType(MediaType.APPLICATION_JSON)
						.content("{\"households\": [\"" + t.householdIn(t.villageFor(region)).householdId() + "\"]}"), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "DPO" -> HttpStatus.OK;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/audit/verification",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/audit/verification"), auth),
					// the whole trail: the DPO's and the administrators' only
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN", "DPO" -> HttpStatus.OK;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("GET /api/v1/registry-proposals",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/registry-proposals"), auth),
					// the caller's own territory only: the same answer whatever the target
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "PROGRAM_MANAGER" -> HttpStatus.FORBIDDEN;
						default -> HttpStatus.OK;
					}),
			new Rule("GET /api/v1/complaints/{id}/case",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/complaints/{id}/case",
							t.complaintIn(t.villageFor(region)).id()), auth),
					(role, relation) -> complaints(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/complaints/{id}/case/notes",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/complaints/{id}/case/notes",
							t.complaintIn(t.villageFor(region)).id()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"text\": \"Matrix\"}"), auth),
					(role, relation) -> complaints(role, relation, HttpStatus.OK)),
			new Rule("PUT /api/v1/complaints/{id}/case/assignee",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.put().uri("/api/v1/complaints/{id}/case/assignee", t.complaintIn(village).id())
							.contentType(MediaType.APPLICATION_JSON)
							.content("{\"userId\": \"" + t.userIn(village, "FACILITATOR") + "\"}"), auth);
					},
					AccessMatrixTests::caseDecisions),
			new Rule("POST /api/v1/complaints/{id}/case/close",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/complaints/{id}/case/close",
							t.complaintIn(t.villageFor(region)).id()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"outcome\": \"Matrix\"}"), auth),
					AccessMatrixTests::caseDecisions),
			new Rule("POST /api/v1/complaints/{id}/case/reopen",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/complaints/{id}/case/reopen",
							t.closedCaseIn(t.villageFor(region))).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Matrix\"}"), auth),
					AccessMatrixTests::caseDecisions),
			new Rule("GET /api/v1/registry/imports/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/registry/imports/{id}", t.importIn(region)), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN" -> HttpStatus.OK;
						case "MANAGER", "DATA_OPERATOR" -> relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("GET /api/v1/registry/imports/{id}/rejections",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/registry/imports/{id}/rejections",
							t.importIn(region)), auth),
					(role, relation) -> switch (role) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN" -> HttpStatus.OK;
						case "MANAGER", "DATA_OPERATOR" -> relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new Rule("POST /api/v1/users/{id}/password",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/password", t.userIn(region))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"password\": \"Matrix-Reset-2026\"}"), auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new Rule("POST /api/v1/users/{id}/second-factor/reset",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/users/{id}/second-factor/reset", t.userIn(region)),
							auth),
					(role, relation) -> administration(role, relation, HttpStatus.OK)),
			new CallerRule("GET /api/v1/update-cycles/current?regionCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/update-cycles/current?regionCode={code}", region),
							auth),
					(caller, relation) -> cycleRead(caller, caller.targets().get(relation))),
			new CallerRule("GET /api/v1/update-calendars/{regencyCode}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/update-calendars/{code}", regencyOf(region)), auth),
					(caller, relation) -> cycleRead(caller, regencyOf(caller.targets().get(relation)))),
			new CallerRule("PUT /api/v1/update-calendars/{regencyCode}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/update-calendars/{code}", regencyOf(region))
						.header("If-Match", "*").contentType(MediaType.APPLICATION_JSON).content("""
								{"entryDay": 11, "musdesDay": 14, "cutOffDay": 17, "rankingMonths": [3, 6, 9, 12],
								 "sanggahDays": 14, "musdesMonths": 3}"""), auth),
					(caller, relation) -> switch (caller.role()) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						case "ADMIN" -> HttpStatus.OK;
						case "MANAGER" -> relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND;
						default -> HttpStatus.FORBIDDEN;
					}),
			new CallerRule("POST /api/v1/usulan",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan").contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"kind": "ENTER", "villageCode": "%s", "reason": "Matrix",
								 "changes": {"members": [{"name": "Matrix Usulan"}]}}""".formatted(t.villageFor(region))), auth),
					(caller, relation) -> caller.role().equals("ADMIN") ? HttpStatus.FORBIDDEN
							: usulanStep(caller, relation, USULAN_PROPOSERS, false, HttpStatus.CREATED)),
			new CallerRule("GET /api/v1/usulan/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/{id}", t.usulanIn(t.villageFor(region), "DRAFT")),
							auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/usulan?villageCode",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						UUID id = t.usulanIn(village, "DRAFT");
						MvcTestResult result = t.send(t.mvc.get().uri("/api/v1/usulan?size=200&villageCode={v}", village), auth);
						if (result.getResponse().getStatus() == 200) {
							boolean listed = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
								.contains(id.toString());
							assertThat(listed).as("the list holds an usulan of %s", village)
								.isEqualTo(touching(t.callerTerritory, village));
						}
						return result;
					},
					// a list of the caller's territory: its readers get one whatever the filter (empty outside)
					(caller, relation) -> switch (caller.role()) {
						case "ANONYMOUS" -> HttpStatus.UNAUTHORIZED;
						default -> USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN;
					}),
			new CallerRule("PUT /api/v1/usulan/{id}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/usulan/{id}", t.usulanIn(t.villageFor(region), "DRAFT"))
						.header("If-Match", "*").contentType(MediaType.APPLICATION_JSON).content("""
								{"reason": "Matrix edited", "changes": {"members": [{"name": "Matrix Usulan Dua"}]}}"""), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_PROPOSERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/agree",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/agree",
							t.usulanIn(t.villageFor(region), "DRAFT")), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR", "COORDINATOR"), false,
							HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/submit",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/submit",
							t.completeUsulanIn(t.villageFor(region))), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR"), false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/return",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/return",
							t.usulanIn(t.villageFor(region), "SUBMITTED")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Matrix\"}"), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR"), true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/endorse",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/endorse",
							t.usulanIn(t.villageFor(region), "SUBMITTED")), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER"), true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/send",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/send",
							t.usulanIn(t.villageFor(region), "ENDORSED")), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR"), true, HttpStatus.OK)),
			new CallerRule("GET /api/v1/usulan/checks?villageCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/checks?villageCode={v}", t.villageFor(region)), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/submit",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						return t.send(t.mvc.post().uri("/api/v1/usulan/submit").contentType(MediaType.APPLICATION_JSON)
							.content("""
									{"villageCode": "%s", "ids": ["%s"]}""".formatted(village, t.completeUsulanIn(village))), auth);
					},
					// the role first: a role that does not submit is told so wherever the village lies
					(caller, relation) -> Set.of("ANONYMOUS", "MANAGER", "DATA_OPERATOR").contains(caller.role())
							? usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR"), false, HttpStatus.OK)
							: HttpStatus.FORBIDDEN),
			new CallerRule("GET /api/v1/usulan/bnba.xlsx?villageCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/bnba.xlsx?status=DRAFT&villageCode={v}",
							t.villageOf(t.usulanIn(t.villageFor(region), "DRAFT"))), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/usulan/bnba.pdf?villageCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/bnba.pdf?status=DRAFT&villageCode={v}",
							t.villageOf(t.usulanIn(t.villageFor(region), "DRAFT"))), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/usulan/overview?regionCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/overview?regionCode={r}", region), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/musdes",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/musdes").contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"villageCode": "%s", "kind": "SPTJM", "heldOn": "%s"}""".formatted(t.villageFor(region),
								LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(1))), auth),
					(caller, relation) -> Set.of("ANONYMOUS", "MANAGER", "DATA_OPERATOR", "COORDINATOR").contains(caller.role())
							? usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR", "COORDINATOR"), false,
									HttpStatus.CREATED)
							: HttpStatus.FORBIDDEN),
			new CallerRule("GET /api/v1/musdes?villageCode",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/musdes?villageCode={v}", t.villageFor(region)), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/musdes/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/musdes/{id}", t.musdesIn(t.villageFor(region))), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/musdes/{id}/document.pdf",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/musdes/{id}/document.pdf",
							t.musdesIn(t.villageFor(region))), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("PUT /api/v1/musdes/{id}/document",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/musdes/{id}/document", t.musdesIn(t.villageFor(region)))
						.contentType(MediaType.APPLICATION_PDF).content("%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII)),
							auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("MANAGER", "DATA_OPERATOR", "COORDINATOR"), false,
							HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/withdraw",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/withdraw", t.usulanIn(t.villageFor(region), "DRAFT"))
						.contentType(MediaType.APPLICATION_JSON).content("""
								{"reason": "Ganda"}"""), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_PROPOSERS, false, HttpStatus.OK)),
			new CallerRule("PUT /api/v1/usulan/{id}/attachments/{attachmentId}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/usulan/{id}/attachments/{a}?kind=DOCUMENT",
							t.usulanIn(t.villageFor(region), "DRAFT"), UUID.randomUUID()).contentType(MediaType.APPLICATION_PDF)
						.content("%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII)), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_PROPOSERS, false, HttpStatus.CREATED)),
			new CallerRule("GET /api/v1/usulan/{id}/attachments",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/{id}/attachments",
							t.attachmentIn(t.villageFor(region))[0]), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/usulan/{id}/attachments/{attachmentId}",
					(t, auth, region) -> {
						UUID[] made = t.attachmentIn(t.villageFor(region));
						return t.send(t.mvc.get().uri("/api/v1/usulan/{id}/attachments/{a}", made[0], made[1]), auth);
					},
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/{id}/field-check",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/usulan/{id}/field-check", t.sanggahIn(t.villageFor(region)))
						.contentType(MediaType.APPLICATION_JSON).content("""
								{"eligible": false, "note": "Matrix"}"""), auth),
					(caller, relation) -> usulanStep(caller, relation, Set.of("SUPERVISOR", "FACILITATOR"), false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/usulan/results",
					(t, auth, region) -> {
						var request = t.mvc.post().uri("/api/v1/usulan/results").multipart()
							.file("file", ("NIK;Hasil\n" + UUID.randomUUID() + ";MASUK\n").getBytes(StandardCharsets.UTF_8))
							.param("regionCode", regencyOf(region));
						if (auth != null) {
							request.header("Authorization", auth);
						}
						return request.exchange();
					},
					(caller, relation) -> {
						if (caller.role().equals("ANONYMOUS")) {
							return HttpStatus.UNAUTHORIZED;
						}
						if (!Set.of("MANAGER", "DATA_OPERATOR").contains(caller.role())
								|| caller.targets().get(Relation.OWN).length() > 5) {
							return HttpStatus.FORBIDDEN;
						}
						return relation == Relation.OWN ? HttpStatus.CREATED : HttpStatus.NOT_FOUND;
					}),
			new CallerRule("GET /api/v1/usulan/results",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/results"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN),
			new CallerRule("GET /api/v1/usulan/results/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/results/{id}", t.resultImportIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("GET /api/v1/usulan/results/{id}/rejections",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/usulan/results/{id}/rejections",
							t.resultImportIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("POST /api/v1/pbi/deactivation-batches",
					(t, auth, region) -> {
						var request = t.mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
							.file("file", ("NIK;Nama;Tanggal_Nonaktif\n" + UUID.randomUUID() + ";Matriks;01-02-2026\n")
								.getBytes(StandardCharsets.UTF_8))
							.param("decree", "SK Matriks " + SEQUENCE.incrementAndGet())
							.param("effectiveDate", "2026-02-01")
							.param("regionCode", regencyOf(region));
						if (auth != null) {
							request.header("Authorization", auth);
						}
						return request.exchange();
					},
					// Dinsos of the district (a village's data operator 403), like a result list
					(caller, relation) -> {
						if (caller.role().equals("ANONYMOUS")) {
							return HttpStatus.UNAUTHORIZED;
						}
						if (!Set.of("MANAGER", "DATA_OPERATOR").contains(caller.role())
								|| caller.targets().get(Relation.OWN).length() > 5) {
							return HttpStatus.FORBIDDEN;
						}
						return relation == Relation.OWN ? HttpStatus.ACCEPTED : HttpStatus.NOT_FOUND;
					}),
			new CallerRule("GET /api/v1/pbi/deactivation-batches",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/deactivation-batches"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN),
			new CallerRule("GET /api/v1/pbi/deactivation-batches/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/deactivation-batches/{id}",
							t.pbiBatchIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("GET /api/v1/pbi/deactivation-batches/{id}/rejections",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/deactivation-batches/{id}/rejections",
							t.pbiBatchIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("POST /api/v1/pbi/answer-imports",
					(t, auth, region) -> {
						var request = t.mvc.post().uri("/api/v1/pbi/answer-imports").multipart()
							.file("file", ("NIK,Status\n" + SEQUENCE.incrementAndGet() + ",AKTIF\n")
								.getBytes(StandardCharsets.UTF_8))
							.param("regionCode", regencyOf(region));
						if (auth != null) {
							request.header("Authorization", auth);
						}
						return request.exchange();
					},
					// Dinsos of the district records the ministry's answers (a village's data operator 403)
					(caller, relation) -> {
						if (caller.role().equals("ANONYMOUS")) {
							return HttpStatus.UNAUTHORIZED;
						}
						if (!PBI_DINSOS.contains(caller.role()) || caller.targets().get(Relation.OWN).length() > 5) {
							return HttpStatus.FORBIDDEN;
						}
						return relation == Relation.OWN ? HttpStatus.CREATED : HttpStatus.NOT_FOUND;
					}),
			new CallerRule("GET /api/v1/pbi/answer-imports/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/answer-imports/{id}",
							t.pbiAnswerImportIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("GET /api/v1/pbi/answer-imports/{id}/rejections",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/answer-imports/{id}/rejections",
							t.pbiAnswerImportIn(region)), auth),
					AccessMatrixTests::resultRead),
			new CallerRule("GET /api/v1/pbi/settings",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/settings?regionCode={r}",
							region.length() == 2 ? region + ".99" : region.substring(0, 5)), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: caller.role().equals("ADMIN") ? HttpStatus.OK
							: caller.targets().get(Relation.OWN).length() > 5 ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("PUT /api/v1/pbi/settings",
					// the matrix leaves the switch off: the other tests' requests need no SKTM
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/pbi/settings?regionCode={r}",
							region.length() == 2 ? region + ".99" : region.substring(0, 5))
						.contentType(MediaType.APPLICATION_JSON).content("{\"sktmRequired\": false}"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !caller.role().equals("MANAGER") || caller.targets().get(Relation.OWN).length() > 5
									? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/submissions.xlsx",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/submissions.xlsx?regionCode={r}",
							region.length() == 2 ? region + ".99" : region.substring(0, 5)), auth),
					// Dinsos' data desk: takes Dinsos' steps and sees identifiers whole (the manager does not)
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !caller.role().equals("DATA_OPERATOR") || caller.targets().get(Relation.OWN).length() > 5
									? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/apbd-quota",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/apbd-quota?regionCode={r}",
							region.length() == 2 ? region + ".99" : region.substring(0, 5)), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: caller.role().equals("ADMIN") ? HttpStatus.OK
							: caller.targets().get(Relation.OWN).length() > 5 ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("PUT /api/v1/pbi/apbd-quota",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/pbi/apbd-quota?regionCode={r}",
							region.length() == 2 ? region + ".99" : region.substring(0, 5))
						.contentType(MediaType.APPLICATION_JSON).content("{\"places\": 40}"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !caller.role().equals("MANAGER") || caller.targets().get(Relation.OWN).length() > 5
									? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/submit",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/submit",
							t.reactivationIn(t.villageFor(region), "DRAFT")).contentType(MediaType.APPLICATION_JSON)
						.content(null == null ? "{}" : null), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_REQUESTERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/withdraw",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/withdraw",
							t.reactivationIn(t.villageFor(region), "DRAFT")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Ganda\"}" == null ? "{}" : "{\"reason\": \"Ganda\"}"), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_REQUESTERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/return",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/return",
							t.reactivationIn(t.villageFor(region), "SUBMITTED")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Kurang surat\"}" == null ? "{}" : "{\"reason\": \"Kurang surat\"}"), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/verify",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/verify",
							t.reactivationIn(t.villageFor(region), "SUBMITTED")).contentType(MediaType.APPLICATION_JSON)
						.content(null == null ? "{}" : null), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/letter",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/letter",
							t.reactivationIn(t.villageFor(region), "VERIFIED")).contentType(MediaType.APPLICATION_JSON)
						.content(null == null ? "{}" : null), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/enter",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/enter",
							t.reactivationIn(t.villageFor(region), "LETTER_ISSUED")).contentType(MediaType.APPLICATION_JSON)
						.content(null == null ? "{}" : null), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/approve",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/approve",
							t.reactivationIn(t.villageFor(region), "ENTERED")).contentType(MediaType.APPLICATION_JSON)
						.content(null == null ? "{}" : null), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations/{id}/decide",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations/{id}/decide",
							t.reactivationIn(t.villageFor(region), "APPROVED")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"status\": \"ACTIVE\"}" == null ? "{}" : "{\"status\": \"ACTIVE\"}"), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_DINSOS, true, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/reactivations",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/reactivations")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"personId\": \"%s\", \"category\": \"OTHER\"}"
							.formatted(t.householdIn(t.villageFor(region)).personId())), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !PBI_REQUESTERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.CREATED : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/reactivations/{id}",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/reactivations/{id}",
							t.reactivationIn(t.villageFor(region), "DRAFT")), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/pbi/reactivations/{id}/letter",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/reactivations/{id}/letter",
							t.reactivationIn(t.villageFor(region), "LETTER_ISSUED")), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/pbi/follow-ups",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/follow-ups"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN),
			new CallerRule("GET /api/v1/pbi/reactivations",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/reactivations"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN),
			new CallerRule("PUT /api/v1/pbi/reactivations/{id}/documents/{documentId}",
					(t, auth, region) -> t.send(t.mvc.put().uri("/api/v1/pbi/reactivations/{id}/documents/{doc}?kind=KTP",
							t.reactivationIn(t.villageFor(region), "DRAFT"), UUID.randomUUID())
						.contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[] { (byte) 0xFF, (byte) 0xD8,
								(byte) 0xFF, (byte) 0xE0 }), auth),
					(caller, relation) -> usulanStep(caller, relation, PBI_REQUESTERS, false, HttpStatus.CREATED)),
			new CallerRule("GET /api/v1/pbi/reactivations/{id}/documents",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/reactivations/{id}/documents",
							t.reactivationIn(t.villageFor(region), "DRAFT")), auth),
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("GET /api/v1/pbi/reactivations/{id}/documents/{documentId}",
					(t, auth, region) -> {
						UUID request = t.reactivationIn(t.villageFor(region), "SUBMITTED");
						return t.send(t.mvc.get().uri("/api/v1/pbi/reactivations/{id}/documents/{doc}", request,
								t.documentOf(request)), auth);
					},
					(caller, relation) -> usulanStep(caller, relation, USULAN_READERS, false, HttpStatus.OK)),
			new CallerRule("POST /api/v1/pbi/deactivations/{id}/window-exception",
					(t, auth, region) -> t.send(t.mvc.post().uri("/api/v1/pbi/deactivations/{id}/window-exception",
							t.deactivationIdIn(t.villageFor(region))).contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\": \"Dirawat di rumah sakit\"}"), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !caller.role().equals("MANAGER") ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/dashboard",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/dashboard?regionCode={r}", region), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/dashboard.xlsx",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/dashboard.xlsx?regionCode={r}", region), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/overview",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/overview?regionCode={r}", region), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/deactivations",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						String name = t.deactivationIn(village);
						MvcTestResult result = t.send(t.mvc.get().uri("/api/v1/pbi/deactivations?size=200"), auth);
						if (result.getResponse().getStatus() == 200) {
							boolean listed = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
								.contains(name);
							assertThat(listed).as("the list holds a person of %s", village)
								.isEqualTo(t.callerTerritory == null || village.equals(t.callerTerritory)
										|| village.startsWith(t.callerTerritory + "."));
						}
						return result;
					},
					// a list of the caller's territory: its readers get one whatever the target (holding it or not)
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: USULAN_READERS.contains(caller.role()) ? HttpStatus.OK : HttpStatus.FORBIDDEN),
			// the list of one village as a spreadsheet: a village outside the caller's territory is not found
			new CallerRule("GET /api/v1/pbi/deactivations.xlsx",
					(t, auth, region) -> {
						String village = t.villageFor(region);
						t.deactivationIn(village);
						return t.send(t.mvc.get().uri("/api/v1/pbi/deactivations.xlsx?villageCode={v}", village), auth);
					},
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND),
			new CallerRule("GET /api/v1/pbi/reactivations.xlsx",
					(t, auth, region) -> t.send(t.mvc.get().uri("/api/v1/pbi/reactivations.xlsx?villageCode={v}",
							t.villageFor(region)), auth),
					(caller, relation) -> caller.role().equals("ANONYMOUS") ? HttpStatus.UNAUTHORIZED
							: !USULAN_READERS.contains(caller.role()) ? HttpStatus.FORBIDDEN
							: relation == Relation.OWN ? HttpStatus.OK : HttpStatus.NOT_FOUND));

	/**
	 * A district's result import: its readers see it when their territory holds the district (a village's or a
	 * sub-district's users do not, nor anyone outside), the national administrator everywhere.
	 */
	static HttpStatus resultRead(Caller caller, Relation relation) {
		if (caller.role().equals("ANONYMOUS")) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (!USULAN_READERS.contains(caller.role())) {
			return HttpStatus.FORBIDDEN;
		}
		if (caller.role().equals("ADMIN")) {
			return HttpStatus.OK;
		}
		return relation == Relation.OWN && caller.targets().get(Relation.OWN).length() == 5 ? HttpStatus.OK
				: HttpStatus.NOT_FOUND;
	}

	/** A result import of the district the target lies in (of another district of a province target). */
	UUID resultImportIn(String region) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into usulan_result_import (id, regency_code, file_sha256, file_name, rows_read, rows_rejected,
				    usulan_decided, families_entered, households_changed, imported_by, imported_at)
				values (:id, :regency, :id, 'matriks.csv', 0, 0, 0, 0, 0, :id, now())""")
			.param("id", id).param("regency", region.length() == 2 ? region + ".99" : region.substring(0, 5)).update();
		return id;
	}

	/** A deactivation batch of the district the target lies in (of another district of a province target). */
	UUID pbiBatchIn(String region) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pbi_batch (id, regency_code, decree, effective_date, window_months, file_sha256, file_name,
				    status, rows_read, rows_matched, rows_rejected, rows_known, imported_by, imported_at)
				values (:id, :regency, 'SK Matriks', current_date, 6, :id, 'matriks.csv', 'COMPLETED', 0, 0, 0, 0, :id, now())""")
			.param("id", id).param("regency", region.length() == 2 ? region + ".99" : region.substring(0, 5)).update();
		return id;
	}

	/** An import of the ministry's answers of the district the target lies in (of another district of a province target). */
	UUID pbiAnswerImportIn(String region) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into pbi_answer_import (id, regency_code, file_sha256, file_name, rows_read, rows_applied, rows_same,
				    rows_rejected, imported_by, imported_at)
				values (:id, :regency, :id, 'matriks.csv', 0, 0, 0, 0, :id, now())""")
			.param("id", id).param("regency", region.length() == 2 ? region + ".99" : region.substring(0, 5)).update();
		return id;
	}

	/** A reactivation request of a new person of {@code village} standing at {@code status}, with its health letter. */
	UUID reactivationIn(String village, String status) {
		UUID id = UUID.randomUUID();
		Household person = householdIn(village);
		jdbc.sql("""
				insert into pbi_reactivation (id, person_id, person_name, household_id, village_code, category, status,
				    letter_number, letter_issued_on, verification_code, reason, created_by, created_at, updated_at, version)
				values (:id, :person, 'Matrix Reaktivasi', :household, :village, 'OTHER', :status, :letter,
				    case when :code = '' then null else current_date end, nullif(:code, ''), :reason, :id, now(), now(), 0)""")
			.param("id", id).param("person", person.personId()).param("household", person.householdId())
			.param("village", village).param("status", status)
			.param("letter", Set.of("LETTER_ISSUED", "ENTERED", "APPROVED").contains(status) ? "M/" + id : null)
			.param("code", Set.of("LETTER_ISSUED", "ENTERED", "APPROVED").contains(status)
					? id.toString().replace("-", "").substring(0, 10).toUpperCase() : "")
			.param("reason", status.equals("RETURNED") ? "Matrix" : null)
			.update();
		jdbc.sql("""
				insert into pbi_document (id, reactivation_id, village_code, kind, content_type, byte_size, sha256,
				    content_cipher, uploaded_by, uploaded_at)
				values (:doc, :id, :village, 'HEALTH_LETTER', 'image/jpeg', 4, 'matrix', :content, :id, now())""")
			.param("doc", UUID.randomUUID()).param("id", id).param("village", village)
			.param("content", cipher.encrypt("/9j/4A=="))
			.update();
		targetTraces.add(id.toString());
		return id;
	}

	/** The health letter {@link #reactivationIn} gave a request. */
	UUID documentOf(UUID request) {
		return jdbc.sql("select id from pbi_document where reactivation_id = :id").param("id", request)
			.query(UUID.class).single();
	}

	/** A deactivation of a person of {@code village} (not in the registry), written directly; its id. */
	UUID deactivationIdIn(String village) {
		String name = deactivationIn(village);
		return jdbc.sql("select id from pbi_deactivation where name = :name").param("name", name).query(UUID.class)
			.single();
	}

	/** A person of {@code village} on a deactivation list (not in the registry), written directly; their name. */
	String deactivationIn(String village) {
		UUID batch = pbiBatchIn(village);
		String name = "Matriks PBI " + SEQUENCE.incrementAndGet();
		jdbc.sql("""
				insert into pbi_deactivation (id, batch_id, regency_code, decree, village_code, nik_index, nik_cipher, name,
				    deactivated_on, window_closes_on, line)
				values (:id, :batch, :regency, 'SK Matriks', :village, :id, 'v1:matriks', :name, current_date - 178,
				    current_date + 2, 2)""")
			.param("id", UUID.randomUUID()).param("batch", batch).param("regency", village.substring(0, 5))
			.param("village", village).param("name", name).update();
		targetTraces.add(name);
		return name;
	}

	/** The village of an usulan written by {@link #usulanIn}. */
	String villageOf(UUID usulan) {
		return jdbc.sql("select village_code from usulan where id = :id").param("id", usulan).query(String.class).single();
	}

	/** An SPTJM of {@code village} agreeing nothing, written directly to the database. */
	UUID musdesIn(String village) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into musdes (id, village_code, cycle_id, kind, held_on, created_by, created_at)
				values (:id, :village, :cycle, 'SPTJM', current_date, :id, now())""")
			.param("id", id).param("village", village).param("cycle", cycleOf(village)).update();
		targetTraces.add(id.toString());
		return id;
	}

	/** A district's cycle of December 2026, made directly when missing. */
	UUID cycleOf(String village) {
		String regency = village.substring(0, 5);
		jdbc.sql("""
				insert into update_cycle (id, regency_code, period, entry_until, musdes_until, cut_off, ranking, created_at)
				values (gen_random_uuid(), :regency, '2026-12', date '2026-12-11', date '2026-12-14', date '2026-12-17', true,
				        now())
				on conflict (regency_code, period) do nothing""").param("regency", regency).update();
		return jdbc.sql("select id from update_cycle where regency_code = :regency and period = '2026-12'")
			.param("regency", regency).query(UUID.class).single();
	}

	/** An agreed usulan of a new family of one that passes every integrity check, written directly. */
	UUID completeUsulanIn(String village) {
		String district = village.substring(0, 8);
		String nik = TestIdentifiers.nik(district, LocalDate.of(1970, 3, 4), Sex.F);
		return usulanIn(village, "AGREED", """
				{"changes": {"household": {"kkNumber": "%s", "address": "Matrix", "rt": "001", "rw": "001"},
				 "members": [{"nik": "%s", "name": "Matrix Usulan", "birthDate": "1970-03-04", "sex": "F",
				              "relationship": "HEAD"}]}, "before": {}, "subjectName": "Matrix Usulan"}"""
			.formatted(TestIdentifiers.kk(district), nik));
	}

	/** An usulan (a new family of one) of {@code village} at {@code status}, written directly to the database. */
	UUID usulanIn(String village, String status) {
		return usulanIn(village, status, """
				{"changes": {"members": [{"name": "Matrix Usulan"}]}, "before": {}, "subjectName": "Matrix Usulan"}""");
	}

	/** A draft usulan of {@code village} with a PDF attached: the usulan's id and the attachment's. */
	UUID[] attachmentIn(String village) {
		UUID usulan = usulanIn(village, "DRAFT");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into usulan_attachment (id, usulan_id, village_code, kind, content_type, byte_size, sha256,
				                               content_cipher, uploaded_by, uploaded_at)
				values (:id, :usulan, :village, 'DOCUMENT', 'application/pdf', 15, 'matrix', :content, :id, now())""")
			.param("id", id).param("usulan", usulan).param("village", village)
			.param("content", cipher.encrypt(java.util.Base64.getEncoder().encodeToString("%PDF-1.4 matrix".getBytes(
					StandardCharsets.US_ASCII))))
			.update();
		return new UUID[] { usulan, id };
	}

	/** A neighbour's objection (sanggah) in {@code village}, a draft waiting for its field check. */
	UUID sanggahIn(String village) {
		UUID id = usulanIn(village, "DRAFT", """
				{"changes": {"objectorName": "Matrix Usulan"}, "before": {}, "subjectName": "Matrix Usulan"}""");
		jdbc.sql("update usulan set kind = 'SANGGAH' where id = :id").param("id", id).update();
		return id;
	}

	UUID usulanIn(String village, String status, String content) {
		UUID cycle = cycleOf(village);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into usulan (id, version, kind, status, village_code, cycle_id, reason, changes_cipher, source,
				                    created_by, created_at, updated_at)
				values (:id, 0, 'ENTER', :status, :village, :cycle, 'Matrix', :changes, 'MANUAL', :id, now(), now())""")
			.param("id", id).param("status", status).param("village", village).param("cycle", cycle)
			.param("changes", cipher.encrypt(content))
			.update();
		targetTraces.addAll(List.of(id.toString(), "Matrix Usulan"));
		return id;
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	FieldCipher cipher;

	/** One token per demo user for the whole matrix (fifteen minutes outlast it; the clock is not moved here). */
	private static DemoLogins.Cache tokens;

	@BeforeEach
	void tokens() {
		if (tokens == null) {
			tokens = new DemoLogins.Cache(mvc);
		}
	}

	/**
	 * The matrix's cells, generated from the OpenAPI document: every operation it lists × every caller × the
	 * caller's own, sibling, parent and other territory, each cell asked of its operation's rule in
	 * {@link #ENDPOINTS}. An operation without a rule (and without a reason in {@link #CHECKED_ELSEWHERE}) is a
	 * failing cell, and so is a rule for an operation the document no longer lists.
	 */
	@org.junit.jupiter.api.TestFactory
	Stream<org.junit.jupiter.api.DynamicTest> everyOperationOfTheApiDocumentAnswersAsTheMatrixSays() throws Exception {
		String document = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = com.jayway.jsonpath.JsonPath.read(document, "$.paths");
		List<String> operations = new ArrayList<>();
		paths.forEach((path, methods) -> methods.keySet().stream()
			.filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
			.forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path)));
		operations.sort(null);
		List<org.junit.jupiter.api.DynamicTest> cells = new ArrayList<>();
		for (String operation : operations) {
			if (CHECKED_ELSEWHERE.containsKey(operation)) {
				continue;
			}
			List<Endpoint> rules = ENDPOINTS.stream().filter(e -> normalised(e.name()).equals(normalised(operation)))
				.toList();
			if (rules.isEmpty()) {
				cells.add(org.junit.jupiter.api.DynamicTest.dynamicTest(operation + " has a rule",
						() -> org.assertj.core.api.Assertions.fail("%s of /v3/api-docs has no rule in the matrix", operation)));
			}
			for (Endpoint rule : rules) {
				for (Caller caller : CALLERS) {
					String name = caller.username() == null ? "anonymous" : caller.username();
					caller.targets().forEach((relation, region) -> cells.add(org.junit.jupiter.api.DynamicTest.dynamicTest(
							"%s by %s on %s (%s)".formatted(rule.name(), name, relation, region),
							() -> {
								try {
									answersAsTheMatrixSays(rule, name, caller.role(), relation, region);
								}
								catch (AssertionError failed) {
									// the cell's name in the report, whatever the assertion said
									throw new AssertionError("%s by %s on %s %s: %s".formatted(rule.name(), name, relation, region,
											failed.getMessage()), failed);
								}
							})));
				}
			}
		}
		Set<String> listed = new HashSet<>();
		operations.forEach(op -> listed.add(normalised(op)));
		for (Endpoint rule : ENDPOINTS) {
			if (!listed.contains(normalised(rule.name()))) {
				cells.add(org.junit.jupiter.api.DynamicTest.dynamicTest(rule.name() + " is in the API document",
						() -> org.assertj.core.api.Assertions.fail("the matrix has a rule for %s, which /v3/api-docs does not list",
								rule.name())));
			}
		}
		return cells.stream();
	}

	private void answersAsTheMatrixSays(Endpoint endpoint, String caller, String role, Relation relation, String region)
			throws Exception {
		String authorization = "anonymous".equals(caller) ? null : tokens.bearer(caller);
		callerTerritory = "ADMIN".equals(role) || "anonymous".equals(caller) ? null
				: CALLERS.stream().filter(c -> caller.equals(c.username())).findFirst().orElseThrow().targets()
					.get(Relation.OWN);
		targetTraces.clear();
		MvcTestResult result = endpoint.call(this, authorization, region);
		Caller who = CALLERS.stream().filter(c -> caller.equals(c.username() == null ? "anonymous" : c.username()))
			.findFirst().orElseThrow();
		HttpStatus expected = endpoint.expected(who, relation);
		assertThat(result).as("%s by %s on %s %s", endpoint, caller, relation, region).hasStatus(expected);
		if (!expected.is2xxSuccessful()) {
			// a refusal must not carry the record it refused: none of the target's ids, numbers, names or NIK
			// (the request's own path, which names the id the caller sent, aside)
			String body = result.getResponse().getContentAsString().replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "");
			for (String trace : targetTraces) {
				assertThat(body).as("%s by %s on %s %s", endpoint, caller, relation, region).doesNotContain(trace);
			}
			assertThat(body).doesNotContain("\"username\"").doesNotContain("\"regionCode\"");
		}
	}

	/** Operations checked elsewhere than in {@link #ENDPOINTS}, and where. */
	static final Map<String, String> CHECKED_ELSEWHERE = Map.of(
			"POST /api/v1/auth/token", "public by design: TokenIntegrationTests, ClientLimitIntegrationTests",
			"POST /api/v1/auth/token/revoke", "the caller's own token, no record of any territory: TokenIntegrationTests",
			"GET /api/v1/users", "a list of the caller's territory: userListsHoldOnlyUsersOfTheCallersTerritory below",
			"POST /api/v1/persons/search", "results of the caller's territory: nikSearchFindsOnlyPersonsOfTheTerritory below",
			"POST /api/v1/registry/imports", "a multipart upload whose rows are checked against the territory:"
					+ " RegistryImportIntegrationTests");

	/** "POST /api/v1/users/{id}/password of a MANAGER" → "POST /api/v1/users/{}/password". */
	private static String normalised(String name) {
		String[] parts = name.split(" ");
		return parts[0] + " " + parts[1].replaceAll("\\?.*", "").replaceAll("\\{[^}]+}", "{}");
	}

	@ParameterizedTest(name = "user list of {1}")
	@MethodSource("managers")
	void userListsHoldOnlyUsersOfTheCallersTerritory(String caller, String territory) throws Exception {
		userIn(territory);
		userIn("33.28".equals(territory) ? "33.23" : "33.28"); // one elsewhere, which must not show
		MvcTestResult result = mvc.get()
			.uri("/api/v1/users?size=200")
			.header("Authorization", tokens.bearer(caller))
			.exchange();
		assertThat(result).hasStatusOk();
		List<String> regions = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
				"$.content[*].regionCode");
		assertThat(regions).isNotEmpty()
			.allSatisfy(code -> assertThat(code).satisfiesAnyOf(c -> assertThat(c).isEqualTo(territory),
					c -> assertThat(c).startsWith(territory + ".")));
	}

	static Stream<Arguments> managers() {
		return Stream.of(Arguments.of("manajer.tegal", "33.28"), Arguments.of("manajer.temanggung", "33.23"));
	}

	/** What identifies the records made for the call being evaluated: none may appear in a refusal. */
	private final List<String> targetTraces = new ArrayList<>();

	/** The caller whose row is being evaluated, so that targets can avoid the caller's own territory. */
	private String callerTerritory;

	/** A village inside {@code region}; outside the caller's own territory unless the region is that territory. */
	String villageFor(String region) {
		String own = callerTerritory;
		boolean ownRegion = own == null || region.equals(own);
		return jdbc.sql("""
				select code from region where length(code) = 13 and (code = :region or code like :region || '.%')
				  and (:ownRegion or not (code = :own or code like :own || '.%'))
				order by code limit 1""")
			.param("region", region)
			.param("own", own == null ? "" : own)
			.param("ownRegion", ownRegion)
			.query(String.class)
			.single();
	}

	record Household(UUID householdId, UUID personId, String nik) {
	}

	/** A household with one member in {@code village}, written directly to the database. */
	Household householdIn(String village) {
		UUID household = UUID.randomUUID();
		UUID person = UUID.randomUUID();
		String district = village.substring(0, 8);
		String nik = TestIdentifiers.nik(district, LocalDate.of(1975, 1, 2),
				Sex.M);
		jdbc.sql("""
				insert into household (id, version, kk_index, kk_cipher, village_code, created_at, updated_at)
				values (:id, 0, :kk, :kkCipher, :village, now(), now())""")
			.param("id", household)
			.param("kk", index.of(BlindIndex.Kind.KK, TestIdentifiers.kk(district)))
			.param("kkCipher", cipher.encrypt(TestIdentifiers.kk(district)))
			.param("village", village)
			.update();
		jdbc.sql("""
				insert into person (id, household_id, village_code, position, nik_index, nik_cipher, kk_index, kk_cipher,
				                    name, name_key, phonetic_key, birth_date, sex, relationship)
				values (:id, :household, :village, 0, :nik, :nikCipher, '0', '0', 'Matrix Person', 'matrix person', 'mtrs prsn',
				        date '1975-01-02', 'M', 'HEAD')""")
			.param("id", person)
			.param("household", household)
			.param("village", village)
			.param("nik", index.of(BlindIndex.Kind.NIK, nik))
			.param("nikCipher", cipher.encrypt(nik))
			.update();
		targetTraces.addAll(List.of(household.toString(), person.toString(), nik, "Matrix Person"));
		return new Household(household, person, nik);
	}

	/** A child added to {@code household} in {@code village}, written directly to the database. */
	UUID childIn(Household household, String village) {
		UUID person = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, household_id, village_code, position, nik_index, nik_cipher, kk_index, kk_cipher,
				                    name, name_key, phonetic_key, birth_date, sex, relationship)
				values (:id, :household, :village, 1, :nik, :nik, '0', '0', 'Matrix Child', 'matrix child', 'mtrs kld',
				        date '2010-01-02', 'M', 'CHILD')""")
			.param("id", person)
			.param("household", household.householdId())
			.param("village", village)
			.param("nik", index.of(BlindIndex.Kind.NIK, TestIdentifiers.nik(village.substring(0, 8),
					LocalDate.of(2010, 1, 2), Sex.M)))
			.update();
		return person;
	}

	/** A published (not in force) PPKS list of {@code regency}, written directly to the database. */
	UUID ppksListIn(String regency) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into ppks_taxonomy (id, region_code, version, name, active, created_at)
				values (:id, :regency, (select coalesce(max(version), 0) + 1 from ppks_taxonomy where region_code = :regency),
				        'Matrix', false, now())""")
			.param("id", id).param("regency", regency).update();
		jdbc.sql("""
				insert into ppks_category (taxonomy_id, code, label, national_code, sensitive, position)
				values (:id, '24', 'Fakir miskin', '24', false, 1)""").param("id", id).update();
		return id;
	}

	/** Runs a call that may put a regency's own PPKS list in force, then puts the national list back everywhere. */
	MvcTestResult withNationalPpks(Supplier<MvcTestResult> call) {
		try {
			return call.get();
		}
		finally {
			jdbc.sql("update ppks_taxonomy set active = false where region_code is not null and active").update();
		}
	}

	/** Runs a call, then takes the district assessment forms it made out of force again. */
	MvcTestResult withNationalForms(Supplier<MvcTestResult> call) {
		try {
			return call.get();
		}
		finally {
			jdbc.sql("delete from assessment_form f where regency_code is not null"
					+ " and not exists (select 1 from assessment a where a.form_id = f.id)").update();
		}
	}

	/** An open data-subject request about a person of {@code village}, written directly. */
	UUID requestIn(String village) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into data_subject_request (id, person_id, village_code, kind, status, received_at, due_at,
				                                  received_by)
				values (:id, :person, :village, 'ACCESS', 'OPEN', now(), now() + interval '72 hours', :id)""")
			.param("id", id).param("person", householdIn(village).personId()).param("village", village).update();
		return id;
	}

	/** A district's deep assessment form, written directly. */
	UUID formIn(String regency) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into assessment_form (id, kind, regency_code, version, definition, published_at)
				values (:id, 'DEEP', :regency, :version, '{"title": "Matrix", "sections": []}', now())""")
			.param("id", id).param("regency", regency).param("version", 1000 + SEQUENCE.incrementAndGet()).update();
		return id;
	}

	record Complaint(UUID id, String ticketNumber, String trackingCode) {
	}

	/** A complaint received in {@code village}, written directly to the database, with a known tracking code. */
	Complaint complaintIn(String village) {
		UUID id = UUID.randomUUID();
		String ticket = "MATRIX-" + SEQUENCE.incrementAndGet() + "-" + id.toString().substring(0, 8);
		String code = "MATR1XC0DE";
		String hash;
		try {
			hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		jdbc.sql("""
				insert into complaint (id, version, ticket_number, tracking_code_hash, status, channel, category,
				                       village_code, description, ppks_taxonomy_id, subject_name, created_by, created_at,
				                       updated_at)
				values (:id, 0, :ticket, :hash, 'RECEIVED', 'WALK_IN', 'SOCIAL', :village, 'Matrix complaint',
				        '00000000-0000-7000-8000-000000000026', 'Matrix Subject', :id, now(), now())""")
			.param("id", id).param("ticket", ticket).param("hash", hash).param("village", village).update();
		targetTraces.addAll(List.of(id.toString(), ticket, "Matrix Subject", "Matrix complaint"));
		return new Complaint(id, ticket, code);
	}

	/** An open registry proposal (a new roof) for a household of {@code village}, written directly. */
	UUID proposalIn(String village) {
		Household household = householdIn(village);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry_proposal (id, household_id, village_code, field, current_value, proposed_value, status,
				                               source, source_id, proposed_by, proposed_at)
				values (:id, :household, :village, 'roof', null, 'TILE', 'PROPOSED', 'ASSESSMENT', :id, :id, now())""")
			.param("id", id).param("household", household.householdId()).param("village", village).update();
		targetTraces.add(id.toString());
		return id;
	}

	/** The complaint of a closed case in {@code village}, written directly. */
	UUID closedCaseIn(String village) {
		UUID complaint = complaintIn(village).id();
		jdbc.sql("update complaint set status = 'CLOSED' where id = :id").param("id", complaint).update();
		jdbc.sql("""
				insert into case_file (complaint_id, opened_at, version, closed_at, outcome)
				values (:id, now(), 0, now(), 'Matrix')""").param("id", complaint).update();
		return complaint;
	}

	/** An agency seated in {@code village}, written directly. */
	UUID agencyIn(String village) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into agency (id, code, name, level, region_code, created_at)
				values (:id, :code, 'Matrix agency', 'VILLAGE', :village, now())""")
			.param("id", id).param("code", "MATRIX-" + SEQUENCE.incrementAndGet()).param("village", village).update();
		return id;
	}

	UUID providerId(String code) {
		return jdbc.sql("select id from provider where code = :code").param("code", code).query(UUID.class).single();
	}

	/** A referral of a complaint in {@code village} to Dinkes Kabupaten Tegal, in {@code status}, written directly. */
	UUID referralIn(String village, String status) {
		UUID id = UUID.randomUUID();
		UUID provider = providerId("DINKES-3328-JAMKESDA");
		jdbc.sql("""
				insert into referral (id, version, complaint_id, provider_id, agency_id, village_code, status, reason,
				                      due_date, sent_by, sent_at, updated_at, recommended_by, recommended_at,
				                      verification_code)
				select :id, 0, :complaint, p.id, p.agency_id, :village, :status, 'Matrix', current_date + 7, :id, now(),
				       now(), :id, now(),
				       case when :status = 'RECOMMENDED' then null else upper(substr(replace(cast(:id as text), '-', ''), 1, 10)) end
				from provider p where p.id = :provider""")
			.param("id", id).param("complaint", complaintIn(village).id()).param("village", village)
			.param("status", status).param("provider", provider).update();
		targetTraces.add(id.toString());
		return id;
	}

	@ParameterizedTest(name = "referral list of {0}")
	@MethodSource("referralReaders")
	void referralListsHoldOnlyWhatTheCallerMaySee(String caller, boolean sees) throws Exception {
		UUID procot = referralIn("33.28.10.1008", "SENT");
		UUID temanggung = referralIn("33.23.01.2001", "SENT");
		UUID recommended = referralIn("33.28.10.1008", "RECOMMENDED");
		MvcTestResult result = mvc.get().uri("/api/v1/referrals?size=200").header("Authorization", tokens.bearer(caller))
			.exchange();
		assertThat(result).hasStatusOk();
		List<String> ids = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.content[*].id");
		// the newest two: Dinkes sees both (they were sent to it), staff only their territory's
		if (sees) {
			assertThat(ids).contains(procot.toString());
		}
		else {
			assertThat(ids).doesNotContain(procot.toString());
		}
		// a recommendation not yet decided is the referring side's only
		assertThat(ids.contains(recommended.toString())).isEqualTo(sees && !caller.equals("program.dinkes"));
		assertThat(ids.contains(temanggung.toString())).isEqualTo(caller.equals("program.dinkes")
				|| caller.equals("manajer.temanggung") || caller.equals("admin"));
	}

	static Stream<Arguments> referralReaders() {
		return Stream.of(Arguments.of("fo.procot", true), Arguments.of("bo.procot", true),
				Arguments.of("psm.pedeslohor", false),
				Arguments.of("tksk.slawi", true), Arguments.of("manajer.temanggung", false),
				Arguments.of("program.dinkes", true), Arguments.of("admin", true));
	}

	/** A finished import job uploaded for {@code region}, written directly to the database. */
	UUID importIn(String region) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, territory, file_name, byte_size, created_at)
				values (:id, 'COMPLETED', :by, :territory, 'matrix.csv', 1, now())""")
			.param("id", id)
			.param("by", UUID.randomUUID())
			.param("territory", region)
			.update();
		return id;
	}

	/** An open duplicate candidate between two persons of {@code village} (ordered as PostgreSQL orders uuids). */
	UUID duplicateIn(String village) {
		UUID a = householdIn(village).personId();
		UUID b = householdIn(village).personId();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into duplicate_candidate (id, person_a, person_b, score, blocks, status, found_at)
				values (:id, :a, :b, 0.95, 'TEST', 'OPEN', now())""")
			.param("id", id)
			.param("a", a.toString().compareTo(b.toString()) < 0 ? a : b)
			.param("b", a.toString().compareTo(b.toString()) < 0 ? b : a)
			.update();
		return id;
	}

	String householdBody(String village) {
		String district = village.substring(0, 8);
		return """
				{"kkNumber": "%s", "villageCode": "%s", "members": [{"nik": "%s", "name": "Matrix Head",
				 "birthDate": "1975-01-02", "sex": "M", "relationship": "HEAD"}]}""".formatted(
				TestIdentifiers.kk(district), village,
				TestIdentifiers.nik(district, LocalDate.of(1975, 1, 2),
						Sex.M));
	}

	@ParameterizedTest(name = "NIK search by {0} for a person in {2} ({3})")
	@MethodSource("registryReaders")
	void nikSearchFindsOnlyPersonsOfTheTerritory(String caller, String territory, Relation relation, String region)
			throws Exception {
		callerTerritory = territory;
		Household target = householdIn(villageFor(region));
		MvcTestResult result = mvc.post()
			.uri("/api/v1/persons/search")
			.header("Authorization", tokens.bearer(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nik\": \"" + target.nik() + "\"}")
			.exchange();
		assertThat(result).hasStatusOk();
		int found = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.page.totalElements");
		assertThat(found).as("%s searching a NIK of %s", caller, relation).isEqualTo(relation == Relation.OWN ? 1 : 0);
	}

	static Stream<Arguments> registryReaders() {
		List<Arguments> cells = new ArrayList<>();
		for (Caller caller : CALLERS) {
			if (caller.username() == null || List.of("PROGRAM_MANAGER", "VIEWER").contains(caller.role())) {
				continue;
			}
			String own = caller.role().equals("ADMIN") ? null : caller.targets().get(Relation.OWN);
			caller.targets().forEach((relation, region) -> cells.add(Arguments.of(caller.username(), own, relation, region)));
		}
		return cells.stream();
	}

	MvcTestResult send(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request,
			String authorization) {
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request.exchange();
	}

	/** A fresh active facilitator located in {@code region} (version 0), created directly in the database. */
	UUID userIn(String region) {
		return userIn(region, "FACILITATOR");
	}

	/** A fresh active user with {@code role} in {@code region} (null: national), version 0. */
	UUID userIn(String region, String role) {
		UUID id = UUID.randomUUID();
		String username = "matrix.target." + SEQUENCE.incrementAndGet();
		jdbc.sql("""
				insert into app_user (id, version, username, display_name, password_hash, role, region_code, active,
				                      created_at, updated_at, password_changed_at)
				values (:id, 0, :username, 'Matrix target', '{noop}unused', :role, :region, true, now(), now(), now())""")
			.param("id", id)
			.param("role", role)
			.param("username", username)
			.param("region", region)
			.update();
		targetTraces.addAll(List.of(id.toString(), username, "Matrix target"));
		return id;
	}
}
