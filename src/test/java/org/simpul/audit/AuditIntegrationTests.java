package org.simpul.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit trail: a registry search, a household page and a new household each leave a record of who, what,
 * whose data and why, with no identifier in it; the trail refuses updates and deletes; sealing chains it, and
 * the verification finds a row changed or removed behind the application's back, through the API and the
 * command line.
 */
@SimpulIntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
	DataSource ownerDataSource;

	@Autowired
	FieldCipher cipher;

	@Autowired
	AuditVerification verification;

	record Event(String username, String role, String action, String objectType, UUID objectId, String purpose) {
	}

	private List<Event> eventsAbout(String person) {
		return jdbc.sql("""
				select username, role, action, object_type, object_id, purpose from audit_event
				where subject_ids @> array[cast(:person as uuid)] order by id""")
			.param("person", person).query(Event.class).list();
	}

	@Test
	void readsAndWritesOfPersonalDataAreRecordedWithoutIdentifiers() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Suminah Audit");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single());
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		assertThat(eventsAbout(person)).extracting(Event::action, Event::objectType, Event::username)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("CREATE", "HOUSEHOLD", "fo.procot"));

		String token = DemoLogins.token(mvc, "psm.procot");
		assertThat(mvc.post().uri("/api/v1/persons/search").header("Authorization", "Bearer " + token)
			.header("X-Purpose", "Kunjungan rumah: verifikasi PBI-JK")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"nik\": \"" + nik + "\"}"))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/households/" + household).header("Authorization", "Bearer " + token))
			.hasStatusOk();
		// a search that finds nobody concerns nobody
		assertThat(mvc.post().uri("/api/v1/persons/search").header("Authorization", "Bearer " + token)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"name\": \"Zzyzx Qwerty\"}"))
			.hasStatusOk();

		List<Event> events = eventsAbout(person);
		assertThat(events).extracting(Event::action).containsExactly("CREATE", "SEARCH", "READ");
		assertThat(events.get(1)).satisfies(e -> {
			assertThat(e.username()).isEqualTo("psm.procot");
			assertThat(e.role()).isEqualTo("FACILITATOR");
			assertThat(e.purpose()).isEqualTo("Kunjungan rumah: verifikasi PBI-JK");
		});
		assertThat(events.get(2)).satisfies(e -> {
			assertThat(e.objectType()).isEqualTo("HOUSEHOLD");
			assertThat(e.objectId()).hasToString(household);
			assertThat(e.purpose()).isEqualTo(AuditTrail.SLRT_SERVICE);
		});
		// no NIK anywhere in the trail
		assertThat(jdbc.sql("select count(*) from audit_event e where position(:nik in e::text) > 0").param("nik", nik)
			.query(Long.class).single()).isZero();
	}

	@Test
	void openingAComplaintAndTheQueueAreRecorded() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Tumini Antrean");
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Uji",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		assertThat(DemoLogins.call(mvc, "bo.procot", "GET", "/api/v1/complaints/" + complaint, null)).hasStatusOk();
		assertThat(mvc.get().uri("/pengaduan").session(DemoLogins.session(mvc, "bo.procot"))).hasStatusOk();
		assertThat(eventsAbout(person)).filteredOn(e -> "bo.procot".equals(e.username()))
			.extracting(Event::action, Event::objectType)
			.contains(org.assertj.core.groups.Tuple.tuple("READ", "COMPLAINT"),
					org.assertj.core.groups.Tuple.tuple("SEARCH", "COMPLAINT"));
	}

	@Test
	void theTrailIsAppendOnlyAndItsChainFindsTampering() throws Exception {
		RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sukardi Rantai");
		String admin = DemoLogins.token(mvc, "admin");
		assertThat(mvc.post().uri("/api/v1/audit/verification").header("Authorization", "Bearer " + admin))
			.hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.brokenAt").isNull();
				assertThat(json).extractingPath("$.sealed").asNumber().satisfies(n -> assertThat(n.longValue()).isPositive());
			});
		assertThat(mvc.post().uri("/api/v1/audit/verification")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatus(HttpStatus.FORBIDDEN);

		long id = jdbc.sql("select max(id) from audit_event where chain_seq is not null").query(Long.class).single();
		long seq = jdbc.sql("select chain_seq from audit_event where id = :id").param("id", id).query(Long.class).single();
		// the application's own connection cannot change or remove a row, nor switch the guard off
		assertThatThrownBy(() -> jdbc.sql("update audit_event set purpose = 'diubah' where id = :id").param("id", id)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger tg_audit_event_append_only").update())
			.rootCause().hasMessageContaining("must be owner");

		// someone with the table owner's rights switches the guard off: the chain still tells
		JdbcClient owner = JdbcClient.create(ownerDataSource);
		assertThatThrownBy(() -> owner.sql("delete from audit_event where id = :id").param("id", id).update())
			.rootCause().hasMessageContaining("append-only");
		String original = jdbc.sql("select purpose from audit_event where id = :id").param("id", id)
			.query(String.class).single();
		owner.sql("alter table audit_event disable trigger tg_audit_event_append_only").update();
		try {
			owner.sql("update audit_event set purpose = 'diubah diam-diam' where id = :id").param("id", id).update();
			assertThat(verification.verify()).satisfies(r -> {
				assertThat(r.intact()).isFalse();
				assertThat(r.brokenAt()).isEqualTo(seq);
			});
			owner.sql("update audit_event set purpose = :p where id = :id").param("p", original).param("id", id).update();
			assertThat(verification.verify().intact()).isTrue();
		}
		finally {
			owner.sql("alter table audit_event enable trigger tg_audit_event_append_only").update();
		}
	}

	@Test
	void theCommandLineVerifiesAndSaysSo() throws Exception {
		Path dir = Files.createTempDirectory("simpul-audit-verify");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SimpulApplication.class.getName(), "--server.port=0",
				"--simpul.data-dir=" + dir.resolve("db"), "--simpul.demo.persons=0", "--simpul.audit.verify=true")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("out.log").toFile())
			.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(dir.resolve("out.log"));
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Audit trail intact:");
	}
}
