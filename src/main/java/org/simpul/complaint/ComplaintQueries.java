package org.simpul.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.region.RegionCatalog;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reads complaints inside the caller's territory; a complaint elsewhere is not found. */
@Service
public class ComplaintQueries {

	public record Subject(UUID personId, String nik, String name, LocalDate birthDate, Sex sex, boolean inRegistry) {
	}

	public record Reporter(String name, String phone) {
	}

	public record ComplaintView(UUID id, String ticketNumber, ComplaintStatus status, Channel channel,
			Category category, String villageCode, String villageName, String description, List<String> ppksCodes,
			Subject subject, Reporter reporter, String consentNote, Instant createdAt,
			List<PublicTracking.Step> steps, int version) {
	}

	private record Row(UUID id, String ticketNumber, ComplaintStatus status, Channel channel, Category category,
			String villageCode, String description, UUID subjectPersonId, String subjectNik, String subjectName,
			LocalDate subjectBirthDate, Sex subjectSex, String reporterName, String reporterPhone, String consentNote,
			Instant createdAt, int version) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final IdentifierRules identifiers;

	ComplaintQueries(JdbcClient jdbc, RegionCatalog regions, IdentifierRules identifiers) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.identifiers = identifiers;
	}

	public Optional<ComplaintView> complaint(CurrentUser user, UUID id) {
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		return jdbc.sql("""
				select id, ticket_number, status, channel, category, village_code, description, subject_person_id,
				       subject_nik, subject_name, subject_birth_date, subject_sex, reporter_name, reporter_phone,
				       consent_note, created_at, version
				from complaint where id = :id and """ + " " + Territory.sqlCondition("village_code"))
			.param("id", id)
			.param("territory", user.territory().sqlParameter())
			.query(Row.class)
			.optional()
			.map(row -> {
				List<String> codes = jdbc.sql("select code from complaint_ppks where complaint_id = :id order by code")
					.param("id", id).query(String.class).list();
				List<PublicTracking.Step> steps = jdbc.sql(
						"select status, at from complaint_step where complaint_id = :id order by at, id")
					.param("id", id).query(PublicTracking.Step.class).list();
				Subject subject = new Subject(row.subjectPersonId(), identifiers.shownTo(user, row.subjectNik()),
						row.subjectName(), row.subjectBirthDate(), row.subjectSex(), row.subjectPersonId() != null);
				return new ComplaintView(row.id(), row.ticketNumber(), row.status(), row.channel(), row.category(),
						row.villageCode(), regions.names(List.of(row.villageCode())).get(row.villageCode()),
						row.description(), codes, subject, new Reporter(row.reporterName(), row.reporterPhone()),
						row.consentNote(), row.createdAt(), steps, row.version());
			});
	}
}
