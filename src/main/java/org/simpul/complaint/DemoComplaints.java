package org.simpul.complaint;

import java.util.List;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two dozen demo complaints in Procot and Pedeslohor, seeded once through {@link ComplaintIntake} like any
 * other: some about families of the demo registry, some about people not in it. All are received; later
 * states come with casework and referrals.
 */
@Component
@OnDemoWorld
class DemoComplaints {

	private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);

	/** The seeder takes complaints as the district's SLRT manager would. */
	private static final CurrentUser SEEDER = new CurrentUser(UUID.fromString("00000000-0000-0000-0000-00000000d3e1"),
			"demo", "Demo", Role.MANAGER, Territory.of("33.28"));

	private record Example(Category category, Channel channel, String ppks, String about, String description) {
	}

	private static final List<Example> EXAMPLES = List.of(
			new Example(Category.HEALTH, Channel.WALK_IN, "24", "Mohamad Rochim",
					"PBI-JK anaknya dinonaktifkan bulan lalu, anak perlu kontrol rutin ke puskesmas."),
			new Example(Category.EDUCATION, Channel.OUTREACH, "2", "Rizky Pratama",
					"Anak putus sekolah kelas 8 karena biaya seragam dan transport; belum menerima PIP."),
			new Example(Category.CIVIL_REGISTRATION, Channel.WALK_IN, "24", "Mbah Karsih",
					"Lansia belum punya KTP-el sehingga tidak bisa didaftarkan bantuan."),
			new Example(Category.SOCIAL, Channel.OUTREACH, "8", "Mbah Wiryo",
					"Lansia tinggal sendiri, tidak ada keluarga yang merawat, makan dari tetangga."),
			new Example(Category.ECONOMY, Channel.PHONE, "24", "Darsono",
					"Kehilangan pekerjaan sebagai buruh pabrik, ingin ikut pelatihan dan modal usaha."),
			new Example(Category.HEALTH, Channel.COMPLAINT_APP, "9", "Tarjo",
					"Penyandang disabilitas fisik membutuhkan kursi roda; keluarga sudah mengajukan ke desa."),
			new Example(Category.SOCIAL, Channel.WALK_IN, "24", "Siti Aminah",
					"Rumah bocor dan dinding bambu lapuk, mohon diusulkan RTLH."),
			new Example(Category.HEALTH, Channel.REFERRAL_IN, "24", "Warsini",
					"Rujukan dari Lapor Bupati: tagihan rumah sakit karena BPJS tidak aktif."));

	private final DemoSeeds seeds;

	private final ComplaintIntake intake;

	private final PersonSearch persons;

	DemoComplaints(DemoSeeds seeds, ComplaintIntake intake, PersonSearch persons) {
		this.seeds = seeds;
		this.intake = intake;
		this.persons = persons;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(30)
	void seed() {
		boolean seeded = seeds.once("complaint.demo", () -> {
			int n = 0;
			for (String village : List.of("33.28.10.1008", "33.28.11.2001")) {
				for (int round = 0; round < 3; round++) {
					for (Example example : EXAMPLES) {
						register(village, example, round);
						n++;
					}
				}
			}
			log.info("Seeded {} demo complaints in Procot and Pedeslohor", n);
		});
		if (!seeded) {
			log.debug("Demo complaints already seeded");
		}
	}

	private void register(String village, Example example, int round) {
		// a family of the demo registry when the name is one of theirs in this village, else a person met on
		// the spot (the consent note is there for the sensitive categories)
		List<PersonSummary> found = round == 0 ? persons.search(SEEDER, new PersonSearch.Query(null, example.about(),
				null, village, null, null), new PageRequest(0, 1)).content() : List.of();
		UUID personId = found.isEmpty() ? null : found.getFirst().id();
		String name = round == 0 ? example.about() : example.about() + " " + List.of("", "Wati", "Hadi").get(round);
		intake.register(SEEDER, new ComplaintIntake.NewComplaint(null, example.channel(), example.category(), village,
				example.description(), List.of(example.ppks()), personId,
				personId == null ? new ComplaintIntake.Subject(null, name.strip(), null, null) : null,
				null, "Persetujuan lisan yang bersangkutan, dicatat petugas."));
	}
}
