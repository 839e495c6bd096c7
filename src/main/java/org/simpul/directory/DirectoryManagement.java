package org.simpul.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory kept by the people who know it: administrators (everywhere) and district managers (their
 * district) add the Puskesos units of their villages and sub-districts and change their status, and the
 * agencies seated in their territory with the services they provide (which serve the agency's seat) and
 * stop a service. Outside that reach a unit or an agency does not exist (404); other roles are refused (403).
 */
@Service
class DirectoryManagement {

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final Clock clock;

	DirectoryManagement(JdbcClient jdbc, RegionCatalog regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	static boolean mayManage(CurrentUser user) {
		return user.may(Action.DIRECTORY_MANAGE);
	}

	private static void requireManager(CurrentUser user) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("The directory is kept by administrators and district managers");
		}
	}

	/** A region of the actor's territory at one of {@code levels}; a problem on {@code field} otherwise. */
	private Region region(CurrentUser actor, String code, String field, List<FieldProblem> problems,
			RegionLevel... levels) {
		Region region = code == null || code.isBlank() ? null
				: RegionCode.parse(code.strip()).flatMap(regions::find).orElse(null);
		if (region == null || !List.of(levels).contains(region.level())) {
			problems.add(FieldProblem.of(field, region == null ? "REGION_UNKNOWN" : "REGION_LEVEL_NOT_ALLOWED"));
			return null;
		}
		if (!actor.covers(region.regionCode())) {
			throw new NotFoundException("Region");
		}
		return region;
	}

	private static String name(String typed, List<FieldProblem> problems) {
		if (typed == null || typed.isBlank()) {
			problems.add(FieldProblem.of("name", "REQUIRED"));
			return null;
		}
		if (typed.strip().length() > 200) {
			problems.add(FieldProblem.of("name", "TEXT_TOO_LONG"));
			return null;
		}
		return typed.strip();
	}

	/** A Puskesos unit of a village or sub-district of the actor's territory, planned or already serving. */
	@Transactional
	UUID addPuskesos(CurrentUser actor, String name, String regionCode, PuskesosStatus status) {
		requireManager(actor);
		List<FieldProblem> problems = new ArrayList<>();
		String unitName = name(name, problems);
		Region region = region(actor, regionCode, "regionCode", problems, RegionLevel.VILLAGE, RegionLevel.DISTRICT);
		if (status == null) {
			problems.add(FieldProblem.of("status", "REQUIRED"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into puskesos (id, name, region_code, level, status, created_at)
				values (:id, :name, :region, :level, :status, :now)""")
			.param("id", id)
			.param("name", unitName)
			.param("region", region.code())
			.param("level", region.level() == RegionLevel.VILLAGE ? "VILLAGE" : "DISTRICT")
			.param("status", status.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	/** The region of a Puskesos unit the actor keeps; 404 for any other, 403 for a role that keeps none. */
	private String puskesosRegion(CurrentUser actor, UUID id) {
		requireManager(actor);
		return jdbc.sql("select region_code from puskesos where id = :id").param("id", id).query(String.class)
			.optional()
			.filter(code -> actor.covers(RegionCode.of(code)))
			.orElseThrow(() -> new NotFoundException("Puskesos"));
	}

	@Transactional
	void changePuskesosStatus(CurrentUser actor, UUID id, PuskesosStatus status) {
		String region = puskesosRegion(actor, id);
		if (status == null) {
			throw new InvalidInputException(FieldProblem.of("status", "REQUIRED"));
		}
		jdbc.sql("update puskesos set status = :status where id = :id and region_code = :region")
			.param("status", status.name()).param("id", id).param("region", region).update();
	}

	/** An agency and what it provides, as the management page lists them. */
	record AgencyEntry(UUID id, String name, String level, String regionCode, String regionName,
			List<ServiceEntry> services) {
	}

	record ServiceEntry(UUID id, String name, String category, String programmeCode, int defaultDueDays,
			boolean active) {
	}

	/** The agencies the actor keeps: all for an administrator, those seated in the district for a manager. */
	List<AgencyEntry> agencies(CurrentUser actor) {
		requireManager(actor);
		record Row(UUID id, String name, String level, String regionCode) {
		}
		List<Row> rows = jdbc.sql("select id, name, level, region_code from agency order by level, name").query(Row.class)
			.list()
			.stream()
			.filter(r -> actor.role() == Role.ADMIN
					|| r.regionCode() != null && r.regionCode().length() >= 5 && actor.covers(RegionCode.of(r.regionCode())))
			.toList();
		var names = regions.names(rows.stream().map(Row::regionCode).filter(Objects::nonNull).toList());
		List<AgencyEntry> entries = new ArrayList<>();
		for (Row r : rows) {
			List<ServiceEntry> services = jdbc.sql("""
					select id, name, category, programme_code, default_due_days, active from provider
					where agency_id = :agency order by active desc, name""")
				.param("agency", r.id())
				.query(ServiceEntry.class)
				.list();
			entries.add(new AgencyEntry(r.id(), r.name(), r.level(), r.regionCode(),
					r.regionCode() == null ? null : names.get(r.regionCode()), services));
		}
		return entries;
	}

	/** An agency seated in a regency or village of the actor's territory (an administrator: a province too). */
	@Transactional
	UUID addAgency(CurrentUser actor, String name, String regionCode) {
		requireManager(actor);
		List<FieldProblem> problems = new ArrayList<>();
		String agencyName = name(name, problems);
		Region seat = actor.role() == Role.ADMIN
				? region(actor, regionCode, "regionCode", problems, RegionLevel.PROVINCE, RegionLevel.REGENCY,
						RegionLevel.VILLAGE)
				: region(actor, regionCode, "regionCode", problems, RegionLevel.REGENCY, RegionLevel.VILLAGE);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into agency (id, code, name, level, region_code, created_at)
				values (:id, :code, :name, :level, :region, :now)""")
			.param("id", id)
			.param("code", "AG-" + seat.code().replace(".", "") + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT))
			.param("name", agencyName)
			.param("level", seat.level().name())
			.param("region", seat.code())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	static final List<String> CATEGORIES = List.of("HEALTH", "EDUCATION", "CIVIL_REGISTRATION", "SOCIAL", "ECONOMY",
			"OTHER");

	/** What a service form holds once checked; every problem of the form at once otherwise. */
	private record ServiceFields(String name, String category, String programme, int days) {

		static ServiceFields check(String name, String category, String programmeCode, Integer defaultDueDays) {
			List<FieldProblem> problems = new ArrayList<>();
			String serviceName = DirectoryManagement.name(name, problems);
			if (category == null || !CATEGORIES.contains(category)) {
				problems.add(FieldProblem.of("category",
						category == null || category.isBlank() ? "REQUIRED" : "INVALID_VALUE"));
			}
			if (defaultDueDays == null || defaultDueDays < 1 || defaultDueDays > 365) {
				problems.add(FieldProblem.of("defaultDueDays", "TOO_SMALL_OR_LARGE"));
			}
			String programme = programmeCode == null || programmeCode.isBlank() ? null : programmeCode.strip();
			if (programme != null && !programme.matches("[A-Za-z0-9-]{2,20}")) {
				problems.add(FieldProblem.of("programmeCode", "INVALID_FORMAT"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new ServiceFields(serviceName, category, programme == null ? null : programme.toUpperCase(Locale.ROOT),
					defaultDueDays);
		}
	}

	/** A service the agency provides, serving the agency's seat (and everything inside it). */
	@Transactional
	UUID addService(CurrentUser actor, UUID agencyId, String name, String category, String programmeCode,
			Integer defaultDueDays) {
		AgencyEntry agency = agency(actor, agencyId);
		ServiceFields fields = ServiceFields.check(name, category, programmeCode, defaultDueDays);
		UUID id = UUID.randomUUID();
		boolean nationwide = agency.regionCode() == null;
		jdbc.sql("""
				insert into provider (id, agency_id, code, name, category, programme_code, default_due_days, nationwide,
				                      active, created_at)
				values (:id, :agency, :code, :name, :category, :programme, :days, :nationwide, true, :now)""")
			.param("id", id)
			.param("agency", agencyId)
			.param("code", "SV-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT))
			.param("name", fields.name())
			.param("category", fields.category())
			.param("programme", fields.programme())
			.param("days", fields.days())
			.param("nationwide", nationwide)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (!nationwide) {
			jdbc.sql("insert into provider_region (provider_id, region_code) values (:id, :region)")
				.param("id", id).param("region", agency.regionCode()).update();
		}
		return id;
	}

	/** Stops or resumes a service: a stopped one takes no new referral; those already sent stay. */
	@Transactional
	void setServiceActive(CurrentUser actor, UUID serviceId, boolean active) {
		UUID agency = agencyOfService(actor, serviceId);
		jdbc.sql("update provider set active = :active where id = :id and agency_id = :agency")
			.param("active", active).param("id", serviceId).param("agency", agency).update();
	}

	/** An agency the actor keeps; 404 for any other. */
	private AgencyEntry agency(CurrentUser actor, UUID agencyId) {
		return agencies(actor).stream().filter(a -> a.id().equals(agencyId)).findFirst()
			.orElseThrow(() -> new NotFoundException("Agency"));
	}

	/** The agency of a service the actor keeps; 404 for any other. */
	private UUID agencyOfService(CurrentUser actor, UUID serviceId) {
		return jdbc.sql("select agency_id from provider where id = :id").param("id", serviceId).query(UUID.class)
			.optional()
			.filter(a -> agencies(actor).stream().anyMatch(e -> e.id().equals(a)))
			.orElseThrow(() -> new NotFoundException("Service"));
	}

	/** Renames an agency (its seat stays: referrals already sent went to that seat's services). */
	@Transactional
	void renameAgency(CurrentUser actor, UUID agencyId, String name) {
		agency(actor, agencyId);
		List<FieldProblem> problems = new ArrayList<>();
		String agencyName = name(name, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		jdbc.sql("update agency set name = :name where id = :id").param("name", agencyName).param("id", agencyId)
			.update();
	}

	/**
	 * Changes a service's name, field, programme and default time limit; referrals already sent keep the due
	 * date they were given.
	 */
	@Transactional
	void changeService(CurrentUser actor, UUID serviceId, String name, String category, String programmeCode,
			Integer defaultDueDays) {
		UUID agency = agencyOfService(actor, serviceId);
		ServiceFields fields = ServiceFields.check(name, category, programmeCode, defaultDueDays);
		jdbc.sql("""
				update provider set name = :name, category = :category, programme_code = :programme,
				       default_due_days = :days
				where id = :id and agency_id = :agency""")
			.param("name", fields.name())
			.param("category", fields.category())
			.param("programme", fields.programme())
			.param("days", fields.days())
			.param("id", serviceId)
			.param("agency", agency)
			.update();
	}

	/** Renames a Puskesos unit of the actor's territory. */
	@Transactional
	void renamePuskesos(CurrentUser actor, UUID id, String name) {
		String region = puskesosRegion(actor, id);
		List<FieldProblem> problems = new ArrayList<>();
		String unitName = name(name, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		jdbc.sql("update puskesos set name = :name where id = :id and region_code = :region")
			.param("name", unitName).param("id", id).param("region", region).update();
	}
}
