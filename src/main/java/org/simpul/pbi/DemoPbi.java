package org.simpul.pbi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.pbi.DeactivationBatches.BatchRequest;
import org.simpul.pbi.DeactivationBatches.BatchView;
import org.simpul.pbi.Reactivations.NewReactivation;
import org.simpul.pbi.Reactivations.Outcome;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.registry.Conditions;
import org.simpul.registry.HouseholdRegistration;
import org.simpul.registry.NewHousehold;
import org.simpul.registry.NewHousehold.Member;
import org.simpul.registry.PersonAttributes;
import org.simpul.registry.Relationship;
import org.simpul.registry.Sex;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.RegionTime;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's PBI-JK (issue 18), seeded once: Temanggung's list of SK 3/HUK/2026 with 41,700 people (a
 * generated file imported like any other, 12 months' window; a few hundred windows closing this week, some closed),
 * 40 of them registered in eight villages and the rest placed in the district's villages as the ministry's list
 * names them; requests of the registered ones in every state, each taken through its steps by Dinsos' own services;
 * the month's PBI-APBD quota. Tegal: a smaller list of 300 with 12 registered people in Procot and Pedeslohor and a
 * few requests. The people, NIKs and names are generated. {@code simpul.demo.pbi-temanggung} and
 * {@code simpul.demo.pbi-tegal} set the lists' sizes (the tests use small ones).
 */
@Component
@OnDemoWorld
class DemoPbi {

	private static final Logger log = LoggerFactory.getLogger(DemoPbi.class);

	private static final byte[] LETTER = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F',
		0 };

	private static final String[] NAMES = { "Sutarmi", "Kasiyem", "Paijo", "Sumarno", "Tukiyem", "Ngatini", "Suparjo",
		"Wagiyem", "Karsono", "Painem", "Darmi", "Slamet", "Ponirah", "Wakidi", "Sukinah", "Jumadi", "Marsinah",
		"Rusmini", "Sarjono", "Tumini" };

	/** The steps a request of the demo is taken to: every state of the way. */
	private static final String[] STATES = { "DRAFT", "DRAFT", "DRAFT", "SUBMITTED", "SUBMITTED", "SUBMITTED",
		"RETURNED", "RETURNED", "VERIFIED", "VERIFIED", "LETTER_ISSUED", "LETTER_ISSUED", "ENTERED", "ENTERED", "ENTERED",
		"APPROVED", "APPROVED", "ACTIVE", "ACTIVE", "ACTIVE", "MOVED_PBPU", "MOVED_APBD", "REJECTED", "WITHDRAWN" };

	private final DemoSeeds seeds;

	private final HouseholdRegistration registration;

	private final DeactivationBatches batches;

	private final Reactivations reactivations;

	private final ReactivationDocuments documents;

	private final ApbdQuota quota;

	private final RegionCatalog regions;

	private final JdbcClient jdbc;

	private final RegionTime time;

	private final int temanggungSize;

	private final int tegalSize;

	DemoPbi(DemoSeeds seeds, HouseholdRegistration registration, DeactivationBatches batches,
			Reactivations reactivations, ReactivationDocuments documents, ApbdQuota quota, RegionCatalog regions,
			JdbcClient jdbc, RegionTime time, @Value("${simpul.demo.pbi-temanggung:41700}") int temanggungSize,
			@Value("${simpul.demo.pbi-tegal:300}") int tegalSize) {
		this.time = time;
		this.temanggungSize = temanggungSize;
		this.tegalSize = tegalSize;
		this.seeds = seeds;
		this.registration = registration;
		this.batches = batches;
		this.reactivations = reactivations;
		this.documents = documents;
		this.quota = quota;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(60)
	void seed() {
		boolean temanggung = seeds.once("pbi.temanggung", () -> district("33.23", temanggungSize, 40, STATES));
		boolean tegal = seeds.once("pbi.tegal", () -> district("33.28", tegalSize, 12,
				new String[] { "DRAFT", "SUBMITTED", "VERIFIED", "LETTER_ISSUED", "ENTERED", "ACTIVE" }));
		if (temanggung || tegal) {
			log.info("Seeded the demo PBI-JK lists of Temanggung ({}) and Tegal ({}), with requests", temanggungSize,
					tegalSize);
		}
	}

	/** A district's list of {@code size} people, {@code registered} of them in the registry, requests in {@code states}. */
	private void district(String regency, int size, int registered, String[] states) {
		if (size <= 0) {
			return; // no list for this district (a benchmark brings its own)
		}
		CurrentUser dinsos = new CurrentUser(UUID.nameUUIDFromBytes(("demo-pbi-" + regency).getBytes(StandardCharsets.UTF_8)),
				"demo", "Demo", Role.MANAGER, Territory.of(regency));
		Random random = new Random(regency.hashCode());
		LocalDate today = time.today(regency);
		List<Region> villages = regions.villagesWithin(RegionCode.of(regency));
		List<Region> chosen = regency.equals("33.28")
				? villages.stream().filter(v -> v.code().equals("33.28.10.1008") || v.code().equals("33.28.11.2001")).toList()
				: villages.stream().filter(v -> v.code().endsWith("001")).limit(8).toList();
		if (chosen.isEmpty()) {
			chosen = villages.stream().limit(8).toList();
		}
		StringBuilder file = new StringBuilder("NIK;Nama;Tanggal_Nonaktif\n");
		List<UUID> persons = new ArrayList<>();
		for (int i = 0; i < registered; i++) {
			Region village = chosen.get(i % chosen.size());
			LocalDate born = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
			Sex sex = i % 3 == 0 ? Sex.M : Sex.F;
			String name = NAMES[i % NAMES.length] + " " + (char) ('A' + i % 26) + ".";
			String nik = nik(village.code(), born, sex, 9000 + i);
			String kk = village.code().substring(0, 8).replace(".", "") + "010126" + "%04d".formatted(9000 + i);
			HouseholdView household = registration.register(dinsos, new NewHousehold(null, kk, village.code(), "001",
					"002", "Dusun " + village.name(), null, Conditions.UNKNOWN, List.of(new Member(null, nik, null, name, "Temanggung", born,
							sex, Relationship.HEAD, PersonAttributes.Disability.NONE, null, null, null, List.of())),
					List.of()), "DEMO");
			persons.add(household.members().getFirst().id());
			file.append(nik).append(';').append(name).append(';').append(LocalDate.of(2026, 2, 1)).append('\n');
		}
		List<String> districts = villages.stream().map(v -> v.code().substring(0, 8)).distinct().toList();
		for (int i = registered; i < size; i++) {
			String district = districts.get(i % districts.size());
			LocalDate born = LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
			// most removed on 1 February 2026; a few hundred whose window closes this week; some already closed
			LocalDate removed = i % 97 == 0 ? today.minusMonths(12).plusDays(i % 7)
					: i % 53 == 0 ? LocalDate.of(2025, 5, 1) : LocalDate.of(2026, 2, 1);
			file.append(nik(district, born, i % 2 == 0 ? Sex.F : Sex.M, 1 + i % 9999)).append(';')
				.append(NAMES[random.nextInt(NAMES.length)]).append(' ').append(NAMES[random.nextInt(NAMES.length)])
				.append(';').append(removed).append('\n');
		}
		BatchView batch = batches.importBatch(dinsos, new BatchRequest(null, "SK 3/HUK/2026", "2026-02-01", "12"),
				"sk-3-huk-2026-" + regency.replace(".", "") + ".csv",
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		// the ministry's list names each person's village: the demo places those the registry does not hold there
		jdbc.sql("""
				update pbi_deactivation set village_code = (:villages)[1 + (line % cardinality(:villages))]
				where batch_id = :batch and person_id is null""")
			.param("villages", villages.stream().map(Region::code).toArray(String[]::new))
			.param("batch", batch.id())
			.update();
		quota.set(dinsos, null, YearMonth.from(today).toString(), new ApbdQuota.Places(25));
		for (int i = 0; i < persons.size() && i < states.length; i++) {
			request(dinsos, persons.get(i), states[i], i);
		}
	}

	private static String nik(String region, LocalDate born, Sex sex, int serial) {
		int day = born.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
		return region.substring(0, 8).replace(".", "") + "%02d%02d%02d%04d".formatted(day, born.getMonthValue(),
				born.getYear() % 100, serial);
	}

	/** A request for {@code person} taken through Dinsos' own steps to {@code state}. */
	private void request(CurrentUser dinsos, UUID person, String state, int i) {
		String category = List.of("CHRONIC", "CATASTROPHIC", "EMERGENCY", "MATERNITY", "OTHER").get(i % 5);
		UUID id = reactivations.request(dinsos, new NewReactivation(null, person, category, null)).id();
		if (state.equals("DRAFT")) {
			return;
		}
		documents.upload(dinsos, id, UUID.randomUUID(), "HEALTH_LETTER", LETTER);
		if (state.equals("WITHDRAWN")) {
			reactivations.withdraw(dinsos, id, "Pengajuan ganda");
			return;
		}
		reactivations.submit(dinsos, id);
		if (state.equals("SUBMITTED")) {
			return;
		}
		if (state.equals("RETURNED")) {
			reactivations.returnForCompletion(dinsos, id, "Surat puskesmas tidak terbaca, mohon foto ulang");
			return;
		}
		if (state.equals("REJECTED")) {
			reactivations.decide(dinsos, id, new Outcome("REJECTED", null, "Sudah terdaftar sebagai peserta PBPU"));
			return;
		}
		reactivations.verify(dinsos, id);
		if (state.equals("VERIFIED")) {
			return;
		}
		reactivations.issueLetter(dinsos, id);
		if (state.equals("LETTER_ISSUED")) {
			return;
		}
		reactivations.enter(dinsos, id);
		if (state.equals("ENTERED")) {
			return;
		}
		reactivations.approve(dinsos, id);
		switch (state) {
			case "ACTIVE" -> reactivations.decide(dinsos, id, new Outcome("ACTIVE", null, null));
			case "MOVED_PBPU" -> reactivations.decide(dinsos, id, new Outcome("MOVED_SEGMENT", "PBPU", null));
			case "MOVED_APBD" -> reactivations.decide(dinsos, id, new Outcome("MOVED_SEGMENT", "PBI_APBD", null));
			default -> {
			}
		}
	}
}
