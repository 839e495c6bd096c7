package org.simpul.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.UserLookup;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.RegionTime;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Source;
import org.simpul.update.Usulan.Status;
import org.simpul.update.Usulans.NewUsulan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The demo world's update cycle, seeded once through the real services: in Procot, what the month brought (the
 * complaints about people the registry does not hold, a home visit's new latrine, a death, two sanggah), a
 * musdes two days ago that agreed two new families which fail the integrity checks (a person already in another
 * family, a NIK whose birth date is another day), and usulan at every later step: submitted, one returned by
 * Dinsos with its reason, endorsed, sent (a new family among them), and the three results; the ministry's result
 * file for the sent ones waits in the data directory, {@code demo/hasil-kemensos-tegal.csv}. Pedeslohor has drafts and submitted ones and no
 * musdes yet, so the district sees the warning.
 */
@Component
@OnDemoWorld
class DemoUsulan {

	private static final Logger log = LoggerFactory.getLogger(DemoUsulan.class);

	static final String PROCOT = "33.28.10.1008";

	static final String PEDESLOHOR = "33.28.11.2001";

	private final DemoSeeds seeds;

	private final JdbcClient jdbc;

	private final Usulans usulans;

	private final UsulanSources sources;

	private final VillageDeliberations deliberations;

	private final HouseholdQueries households;

	private final UserLookup users;

	private final RegionTime time;

	private final Path dataDirectory;

	DemoUsulan(DemoSeeds seeds, JdbcClient jdbc, Usulans usulans, UsulanSources sources,
			VillageDeliberations deliberations, HouseholdQueries households, UserLookup users, RegionTime time,
			@Value("${simpul.data-dir:data}") Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		this.seeds = seeds;
		this.jdbc = jdbc;
		this.usulans = usulans;
		this.sources = sources;
		this.deliberations = deliberations;
		this.households = households;
		this.users = users;
		this.time = time;
	}

	private CurrentUser user(String username) {
		UserLookup.Found found = users.byUsername(username).orElseThrow();
		return new CurrentUser(found.id(), found.username(), found.displayName(), found.role(), found.territory());
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(50)
	void seed() {
		seeds.once("update.demo", () -> {
			if (users.byUsername("operator.procot").isEmpty() || users.byUsername("operator.tegal").isEmpty()
					|| users.byUsername("manajer.tegal").isEmpty() || users.byUsername("psm.pedeslohor").isEmpty()) {
				return;
			}
			CurrentUser operator = user("operator.procot");
			CurrentUser verifier = user("operator.tegal");
			CurrentUser head = user("manajer.tegal");
			CurrentUser psm = user("psm.pedeslohor");
			// what the complaints brought: the people the registry does not hold
			record Received(UUID id, String ticketNumber, String villageCode) {
			}
			for (Received complaint : jdbc.sql("""
					select id, ticket_number, village_code from complaint_reference
					where village_code in ('33.28.10.1008', '33.28.11.2001') order by created_at, id""")
				.query(Received.class)
				.list()) {
				sources.fromComplaint(complaint.villageCode().equals(PROCOT) ? operator : psm, complaint.id(),
						complaint.ticketNumber(), complaint.villageCode());
			}
			List<UUID> procot = households(PROCOT);
			List<UUID> pedeslohor = households(PEDESLOHOR);
			if (procot.size() < 6 || pedeslohor.size() < 3) {
				log.info("No demo usulan: the demo registry has {} households in Procot and {} in Pedeslohor", procot.size(),
						pedeslohor.size());
				return;
			}
			HouseholdView first = households.household(operator, procot.get(0)).orElseThrow();
			// a home visit's new latrine, a death, two neighbours' objections: drafts
			usulans.propose(operator, change(first.id(), "Kunjungan PSM: sudah membangun jamban sendiri.",
					"{\"conditions\": {\"latrine\": \"OWN\"}}"), Source.FIELD_VISIT, null);
			HouseholdView second = households.household(operator, procot.get(1)).orElseThrow();
			usulans.propose(operator, new NewUsulan(null, Kind.REMOVE.name(), null, second.id(),
					second.members().getLast().id(), "Dilaporkan meninggal di Puskesos.",
					json("{\"removalReason\": \"DIED\"}")), Source.MANUAL, null);
			for (int i = 2; i <= 3; i++) {
				UUID sanggah = usulans.propose(operator, new NewUsulan(null, Kind.SANGGAH.name(), null, procot.get(i), null,
						"Tetangga menyatakan keluarga ini sudah mampu (punya mobil).",
						json("{\"objectorName\": \"Warga RT 00" + i + "\", \"programme\": \"PKH\"}")), Source.SANGGAH, null).id();
				if (i == 2 && users.byUsername("psm.procot").isPresent()) {
					// the PSM visited the first: the car is a relative's, the family still needs PKH
					usulans.recordFieldCheck(user("psm.procot"), sanggah, true, "Mobil milik saudara; keluarga tetap layak.");
				}
			}
			// two new families the musdes agreed, which fail the integrity checks
			String registered = first.members().getFirst().nik();
			UsulanQueries.UsulanView twoFamilies = usulans.propose(operator, enter("Keluarga Bapak Darsono",
					"3328101203269901", "Dk. Procot Kidul", List.of(member("3328101505859902", "Darsono", "1985-05-15", "M", "HEAD"),
							member(registered, first.members().getFirst().name(), first.members().getFirst().birthDate().toString(),
									first.members().getFirst().sex().name(), "WIFE"))), Source.MUSDES, null);
			UsulanQueries.UsulanView wrongDate = usulans.propose(operator, enter("Keluarga Ibu Casmini",
					"3328101203269902", "Dk. Procot Lor", List.of(member("3328105507809903", "Casmini", "1980-07-16", "F", "HEAD"))),
					Source.MUSDES, null);
			// more usulan agreed at the same musdes, on their way through Dinsos
			UUID[] onTheirWay = new UUID[7];
			for (int i = 0; i < 6; i++) {
				onTheirWay[i] = usulans.propose(operator, new NewUsulan(null, Kind.PROGRAMME.name(), null, procot.get(i),
						null, "Ada lansia dan anak sekolah; belum menerima bantuan.",
						json("{\"programme\": \"" + (i % 2 == 0 ? "PKH" : "SEMBAKO") + "\"}")), Source.MUSDES, null).id();
			}
			onTheirWay[6] = usulans.propose(operator, change(procot.get(4), "Pindah ke RT 004 (musdes).", "{\"rt\": \"4\"}"),
					Source.MUSDES, null).id();
			// a new family the last cycle's musdes agreed, sent to the ministry: the waiting result file registers it
			UUID tarno = usulans.propose(operator, enter("Keluarga Bapak Tarno", "3328100101240007", "Dk. Procot Wetan",
					List.of(member("3328101010709904", "Tarno", "1970-10-10", "M", "HEAD"),
							member("3328105212759905", "Sumiyati", "1975-12-12", "F", "WIFE"))), Source.MUSDES, null).id();
			LocalDate held = time.today(PROCOT).minusDays(2);
			List<UUID> agreed = new ArrayList<>(List.of(twoFamilies.id(), wrongDate.id(), tarno));
			agreed.addAll(List.of(onTheirWay));
			deliberations.record(operator, new VillageDeliberations.NewMusdes(null, PROCOT, "MUSDES", held, "Balai Desa Procot",
					41, agreed), null);
			List<UUID> submitted = new ArrayList<>(List.of(onTheirWay));
			submitted.add(tarno);
			usulans.submitAll(operator, PROCOT, submitted);
			usulans.endorse(head, tarno);
			usulans.send(verifier, tarno);
			usulans.returnForCorrection(verifier, onTheirWay[0], "Foto rumah tampak depan dan dalam belum dilampirkan.");
			for (int i = 2; i < onTheirWay.length; i++) {
				usulans.endorse(head, onTheirWay[i]);
			}
			for (int i = 3; i < onTheirWay.length; i++) {
				usulans.send(verifier, onTheirWay[i]);
			}
			usulans.decide(verifier, onTheirWay[4], Status.INCLUDED, 2, null, null);
			usulans.decide(verifier, onTheirWay[5], Status.EXCLUDED, null, "EXCLUDE PEKERJAAN",
					"Kepala keluarga tercatat sebagai pegawai.");
			usulans.decide(verifier, onTheirWay[6], Status.NOT_INCLUDED, null, null, "Data kependudukan belum padan.");
			resultFile(verifier, onTheirWay[3], first);
			// Pedeslohor: drafts and submitted ones, no musdes in three months
			for (int i = 0; i < 3; i++) {
				UsulanQueries.UsulanView proposed = usulans.propose(psm, new NewUsulan(null, Kind.PROGRAMME.name(), null,
						pedeslohor.get(i), null, "Usulan PSM dari kunjungan rumah.", json("{\"programme\": \"PBI_JK\"}")),
						Source.FIELD_VISIT, null);
				if (i > 0) {
					usulans.agree(head, proposed.id(), "SPTJM " + held);
					usulans.submit(head, proposed.id());
				}
			}
			log.info("Seeded {} demo usulan in Procot and Pedeslohor", jdbc.sql("select count(*) from usulan where village_code"
					+ " in ('33.28.10.1008', '33.28.11.2001')").query(Long.class).single());
		});
	}

	/**
	 * The ministry's answer waiting in the data directory ({@code demo/hasil-kemensos-tegal.csv}) for Dinsos to
	 * import on /usulan/hasil: the new family included, the programme proposal's household ranked, a registered
	 * family's desil, and a NIK the district does not know (refused, by its line).
	 */
	private void resultFile(CurrentUser verifier, UUID programme, HouseholdView ranked) {
		UUID household = jdbc.sql("select household_id from usulan where id = :id").param("id", programme)
			.query(UUID.class).single();
		String kk = households.household(verifier, household).map(HouseholdView::kkNumber).orElse("");
		String rows = """
				NIK;No_KK;Hasil;Desil;Kode_Exclude;Alasan
				3328101010709904;;MASUK;1;;
				;%s;MASUK;2;;
				;%s;MASUK;4;;
				3328104404049999;;MASUK;3;;
				""".formatted(kk, ranked.kkNumber());
		try {
			Path file = dataDirectory.resolve("demo").resolve("hasil-kemensos-tegal.csv");
			Files.createDirectories(file.getParent());
			Files.writeString(file, rows, StandardCharsets.UTF_8);
			log.info("The demo's result file from the ministry waits at {}", file.toAbsolutePath());
		}
		catch (IOException ex) {
			log.warn("The demo's result file could not be written: {}", ex.getMessage());
		}
	}

	private List<UUID> households(String village) {
		return jdbc.sql("select id from household_placement where village_code = :village order by id")
			.param("village", village)
			.query(UUID.class)
			.list();
	}

	private static JsonNode json(String text) {
		return UsulanChanges.JSON.readTree(text);
	}

	private static NewUsulan change(UUID household, String reason, String changes) {
		return new NewUsulan(null, Kind.CHANGE.name(), null, household, null, reason, json(changes));
	}

	private static String member(String nik, String name, String birthDate, String sex, String relationship) {
		return """
				{"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "%s", "relationship": "%s"}"""
			.formatted(nik, name, birthDate, sex, relationship);
	}

	private static NewUsulan enter(String reason, String kk, String address, List<String> members) {
		return new NewUsulan(null, Kind.ENTER.name(), PROCOT, null, null, reason + ": disepakati musdes.", json("""
				{"household": {"kkNumber": "%s", "address": "%s", "rt": "003", "rw": "002"}, "members": [%s]}"""
			.formatted(kk, address, String.join(", ", members))));
	}
}
