package org.simpul.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.registry.NewHousehold.Member;
import org.simpul.registry.NewHousehold.Membership;
import org.simpul.registry.PersonAttributes.MembershipStatus;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small demo registry, seeded once on the embedded database: families in Procot and Pedeslohor with
 * old and new spellings, deciles, house conditions and programmes (some active, some lost: PBI-JK cuts).
 * Deterministic (fixed seed), registered through {@link HouseholdRegistration} like any other household.
 */
@Component
@OnDemoWorld
class DemoRegistry {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	/** The demo seeder acts as a system administrator; its id marks demo rows in the history. */
	static final CurrentUser SEEDER = new CurrentUser(UUID.fromString("00000000-0000-0000-0000-00000000d3e0"),
			"demo", "Demo", Role.ADMIN, Territory.NATIONAL);

	private static final String[][] COUPLES = { { "Darsono", "Sutinah" }, { "Soekardi", "Tjitjih" },
			{ "Mohamad Rochim", "Siti Aminah" }, { "Djoko Susilo", "Warsini" }, { "Tarjo", "Roesmini" },
			{ "Wahyudi", "Nur Khasanah" }, { "Slamet Riyadi", "Kusnaeni" }, { "Tjahjo", "Sri Rahayu" },
			{ "Abdul Gofur", "Chasanah" }, { "Kasmadi", "Darsih" }, { "Rasmono", "Tusinah" }, { "Sugeng", "Jumirah" } };

	private static final String[] CHILDREN = { "Budi Santoso", "Dewi Lestari", "Rizky Pratama", "Ayu Wulandari",
			"Fajar Nugroho", "Indah Permatasari", "Dimas Saputra", "Nur Aini", "Eko Prasetyo", "Putri Rahmawati" };

	private final DemoSeeds seeds;

	private final HouseholdRegistration registration;

	private final RegistryImports imports;

	private final int generatedPersons;

	DemoRegistry(DemoSeeds seeds, HouseholdRegistration registration, RegistryImports imports,
			@org.springframework.beans.factory.annotation.Value("${simpul.demo.persons:10000}") int generatedPersons) {
		this.seeds = seeds;
		this.registration = registration;
		this.imports = imports;
		this.generatedPersons = generatedPersons;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(20)
	void seed() {
		boolean seeded = seeds.once("registry.households", () -> {
			Random random = new Random(2026);
			for (int i = 0; i < COUPLES.length; i++) {
				String village = i % 2 == 0 ? "33.28.10.1008" : "33.28.11.2001";
				registration.register(SEEDER, household(i, village, random), "DEMO");
			}
		});
		if (seeded) {
			log.info("Seeded {} demo households in Procot and Pedeslohor", COUPLES.length);
		}
		// The bulk of the demo registry comes like real data does: a generated file through the import job
		// (most families in Slawi and Adiwerna, Procot and Pedeslohor among them).
		seeds.once("registry.generated", () -> {
			if (generatedPersons <= 0) {
				return;
			}
			try {
				Path file = Files.createTempFile("simpul-demo-registry", ".csv");
				RegistryFileGenerator.write(file, "33.28", generatedPersons, 2026,
						List.of("33.28.10", "33.28.11", "33.28.10.1008", "33.28.11.2001"), 5000);
				try (InputStream in = Files.newInputStream(file)) {
					imports.submit(SEEDER, "demo-tegal.csv", Files.size(file), in);
				}
				Files.delete(file);
				log.info("Queued the import of {} generated demo persons in Kabupaten Tegal", generatedPersons);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static NewHousehold household(int i, String village, Random random) {
		String district = village.substring(0, 8).replace(".", "");
		String kk = district + "%02d%02d%02d%04d".formatted(1 + random.nextInt(28), 1 + random.nextInt(12),
				10 + random.nextInt(14), 100 + i);
		LocalDate headBorn = LocalDate.of(1960 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
		LocalDate wifeBorn = headBorn.plusYears(2).plusDays(random.nextInt(300));
		List<Member> members = new ArrayList<>();
		int decile = 1 + random.nextInt(5);
		List<Membership> headProgrammes = i % 3 == 0
				? List.of(new Membership("PBI-JK", MembershipStatus.DEACTIVATED, LocalDate.of(2019, 1, 1),
						LocalDate.of(2025, 7, 1)))
				: List.of(new Membership("PBI-JK", MembershipStatus.ACTIVE, LocalDate.of(2020, 1, 1), null));
		members.add(member(district, COUPLES[i][0], headBorn, Sex.M, Relationship.HEAD, 1 + i * 10, headProgrammes));
		members.add(member(district, COUPLES[i][1], wifeBorn, Sex.F, Relationship.WIFE, 2 + i * 10, List.of()));
		int children = 1 + random.nextInt(3);
		for (int c = 0; c < children; c++) {
			LocalDate born = wifeBorn.plusYears(20 + c * 3).plusDays(random.nextInt(200));
			String name = CHILDREN[(i + c * 3) % CHILDREN.length];
			Sex sex = c % 2 == 0 ? Sex.M : Sex.F;
			List<Membership> school = born.isAfter(LocalDate.of(2008, 1, 1))
					? List.of(new Membership("PIP", MembershipStatus.ACTIVE, LocalDate.of(2022, 7, 1), null)) : List.of();
			members.add(member(district, name, born, sex, Relationship.CHILD, 3 + c + i * 10, school));
		}
		List<Membership> household = new ArrayList<>();
		if (decile <= 4) {
			household.add(new Membership("PKH", MembershipStatus.ACTIVE, LocalDate.of(2021, 1, 1), null));
		}
		household.add(new Membership("SEMBAKO", decile <= 3 ? MembershipStatus.ACTIVE : MembershipStatus.INACTIVE,
				LocalDate.of(2020, 1, 1), decile <= 3 ? null : LocalDate.of(2024, 12, 31)));
		Conditions conditions = new Conditions(
				List.of(Conditions.Roof.TILE, Conditions.Roof.ZINC, Conditions.Roof.ASBESTOS).get(random.nextInt(3)),
				decile <= 2 ? Conditions.Wall.BAMBOO : Conditions.Wall.BRICK,
				decile <= 2 ? Conditions.Floor.EARTH : Conditions.Floor.CEMENT,
				BigDecimal.valueOf(20 + random.nextInt(40)),
				decile <= 2 ? Conditions.Electricity.PLN_450 : Conditions.Electricity.PLN_900,
				decile <= 2 ? Conditions.Latrine.SHARED : Conditions.Latrine.OWN,
				decile <= 2 ? Conditions.DrinkingWater.UNPROTECTED_WELL : Conditions.DrinkingWater.PROTECTED_WELL);
		return new NewHousehold(null, kk, village, "%03d".formatted(1 + random.nextInt(6)), "001",
				"Dukuh " + (i % 2 == 0 ? "Procot" : "Pedeslohor") + " No. " + (10 + i), decile, conditions, members,
				household);
	}

	private static Member member(String district, String name, LocalDate born, Sex sex, Relationship relationship,
			int serial, List<Membership> programmes) {
		int day = born.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
		String nik = district + "%02d%02d%02d%04d".formatted(day, born.getMonthValue(), born.getYear() % 100, serial);
		return new Member(null, nik, null, name, "Tegal", born, sex, relationship,
				PersonAttributes.Disability.NONE, null, null, null, programmes);
	}
}
