package org.simpul.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.simpul.access.CurrentUser;
import org.simpul.fieldsync.FieldRecord;
import org.simpul.fieldsync.FieldRecordKind;
import org.simpul.registry.HouseholdVisits.NewVisit;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The registry's records from the field app: a household registered at the family's door (the registration
 * page's form, checked as that page checks it, under the record's id) and a home visit (the house as found,
 * a note, the position, photos). A household registered meanwhile by someone else answers 409 naming the
 * field and, when the volunteer may see it, the household's page to go on from there: never a second family,
 * never a silent overwrite.
 */
@Configuration(proxyBeanMethods = false)
class RegistryFieldRecords {

	@Bean
	FieldRecordKind householdFieldRecords(HouseholdRegistration registration, HouseholdQueries queries,
			PersonSearch persons) {
		return new FieldRecordKind() {
			@Override
			public String name() {
				return "household";
			}

			@Override
			public FieldRecord.Accepted accept(CurrentUser user, FieldRecord record) {
				RegistryAccess.requireWriter(user);
				MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
				record.fields().forEach((name, values) -> params.put(name, List.copyOf(values)));
				HouseholdForm form = HouseholdForm.read(params);
				// problems named as the form names its fields, for the phone to put them beside them
				UnaryOperator<FieldProblem> named = p -> new FieldProblem(form.formField(p.field()), p.code(), p.message());
				NewHousehold read = form.toNewHousehold();
				if (!form.problems.isEmpty()) {
					throw new InvalidInputException(form.problems.stream().map(named).toList());
				}
				NewHousehold household = new NewHousehold(record.id(), read.kkNumber(), read.villageCode(), read.rt(),
						read.rw(), read.address(), read.welfareDecile(), read.conditions(), read.members(),
						read.programmes());
				try {
					HouseholdView created = registration.register(user, household, "FIELD");
					return new FieldRecord.Accepted(created.id(), "/registri/rumah-tangga/" + created.id(),
							Map.of("kkNumber", created.kkNumber()), "registry.created");
				}
				catch (InvalidInputException ex) {
					throw new InvalidInputException(ex.problems().stream().map(named).toList());
				}
				catch (ConflictException ex) {
					FieldProblem problem = ex.problem();
					String field = form.formField(problem.field());
					Optional<UUID> existing = switch (problem.code()) {
						case "DUPLICATE_KK" -> queries.householdIdByKk(user, household.kkNumber());
						case "DUPLICATE_NIK" -> Optional.ofNullable(form.value(field)).filter(nik -> !nik.isBlank())
							.flatMap(nik -> persons.search(user, new PersonSearch.Query(nik, null, null, null, null, null),
									new PageRequest(0, 1)).content().stream().findFirst())
							.map(PersonSummary::householdId);
						default -> Optional.empty();
					};
					throw new ConflictException(new FieldProblem(field, problem.code(), problem.message()),
							existing.map(id -> "/registri/rumah-tangga/" + id).orElse(null));
				}
			}
		};
	}

	@Bean
	FieldRecordKind visitFieldRecords(HouseholdVisits visits) {
		return new FieldRecordKind() {
			@Override
			public String name() {
				return "visit";
			}

			@Override
			public FieldRecord.Accepted accept(CurrentUser user, FieldRecord record) {
				UUID householdId = record.requiredId("householdId");
				Map<String, String> conditions = new LinkedHashMap<>();
				HouseholdVisits.FIELDS.forEach(field -> conditions.put(field, record.value(field)));
				HouseholdVisits.Visit visit = visits.record(user, new NewVisit(record.id(), householdId, conditions,
						record.value("note"), record.decimal("latitude"), record.decimal("longitude"),
						accuracy(record), record.recordedAt()));
				return new FieldRecord.Accepted(visit.id(), "/registri/rumah-tangga/" + householdId, Map.of(),
						"visit.saved");
			}

			@Override
			public Optional<String> photoVillage(CurrentUser user, UUID recordId, boolean adding) {
				return visits.villageOfVisit(user, recordId, adding);
			}
		};
	}

	private static Integer accuracy(FieldRecord record) {
		BigDecimal value = record.decimal("accuracyM");
		return value == null ? null : Math.max(0, Math.min(100_000, value.intValue()));
	}
}
