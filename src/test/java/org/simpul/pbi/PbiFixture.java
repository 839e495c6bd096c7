package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** People of Procot on a decree's list, and their requests taken as far as a test needs, through the API. */
public final class PbiFixture {

	static final String PROCOT = "33.28.10.1008";

	public static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

	/** A listed person: the registry's id and the NIK. */
	public record Listed(String personId, String nik) {
	}

	private final MockMvcTester mvc;

	public PbiFixture(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	/** A person of Procot registered and put on a decree's list removed on {@code removed} (window 6 months). */
	public Listed deactivated(String name, LocalDate removed) throws Exception {
		LocalDate born = LocalDate.of(1970 + (int) (Math.random() * 30), 1 + (int) (Math.random() * 12), 10);
		String nik = TestIdentifiers.nik("33.28.10", born, Sex.F);
		MvcTestResult made = call("operator.tegal", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "001", "rw": "002", "address": "Jl. Reaktivasi",
				 "members": [{"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), PROCOT, nik, name, born));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		MvcTestResult batch = mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", "NIK;Nama;Tanggal_Nonaktif\n%s;%s;%s\n".formatted(nik, name, removed)
				.getBytes(StandardCharsets.UTF_8))
			.param("decree", "SK Uji " + UUID.randomUUID()).param("effectiveDate", removed.toString())
			.param("windowMonths", "6")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange();
		assertThat(batch).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.rowsMatched").isEqualTo(1);
		return new Listed(JsonPath.read(made.getResponse().getContentAsString(), "$.members[0].id"), nik);
	}

	/** A family of Procot: a mother on a decree's list, her baby of three months and an older child (on no list). */
	public record Family(String motherId, String babyId, String olderChildId) {
	}

	/** {@code mother} registered with her baby {@code baby} and an older child, and put on a decree's list. */
	public Family motherWithBaby(String mother, String baby) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		LocalDate motherBorn = LocalDate.of(1990 + (int) (Math.random() * 10), 1 + (int) (Math.random() * 12), 12);
		String motherNik = TestIdentifiers.nik("33.28.10", motherBorn, Sex.F);
		MvcTestResult family = call("operator.tegal", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "003", "rw": "001", "address": "Jl. Bayi",
				 "members": [{"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "F", "relationship": "HEAD"},
				             {"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "M", "relationship": "CHILD"},
				             {"nik": "%s", "name": "Kakak %s", "birthDate": "2018-05-05", "sex": "F", "relationship": "CHILD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), PROCOT, motherNik, mother, motherBorn,
					TestIdentifiers.nik("33.28.10", today.minusMonths(3), Sex.M), baby, today.minusMonths(3),
					TestIdentifiers.nik("33.28.10", LocalDate.of(2018, 5, 5), Sex.F), baby));
		assertThat(family).hasStatus(HttpStatus.CREATED);
		LocalDate removed = today.minusMonths(1);
		assertThat(mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", "NIK;Nama;Tanggal_Nonaktif\n%s;%s;%s\n".formatted(motherNik, mother, removed)
				.getBytes(StandardCharsets.UTF_8))
			.param("decree", "SK Bayi " + UUID.randomUUID()).param("effectiveDate", removed.toString())
			.param("windowMonths", "6")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange())
			.hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.rowsMatched").isEqualTo(1);
		String body = family.getResponse().getContentAsString();
		return new Family(JsonPath.read(body, "$.members[0].id"), JsonPath.read(body, "$.members[1].id"),
				JsonPath.read(body, "$.members[2].id"));
	}

	/** {@code person} listed again, by another decree, removed on {@code removed}. */
	public void listedAgain(Listed person, String name, LocalDate removed) throws Exception {
		MvcTestResult batch = mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", "NIK;Nama;Tanggal_Nonaktif\n%s;%s;%s\n".formatted(person.nik(), name, removed)
				.getBytes(StandardCharsets.UTF_8))
			.param("decree", "SK Ulang " + UUID.randomUUID()).param("effectiveDate", removed.toString())
			.param("windowMonths", "6")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange();
		assertThat(batch).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.rowsMatched").isEqualTo(1);
	}

	/** A person removed a month ago. */
	public Listed deactivated(String name) throws Exception {
		return deactivated(name, LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(1));
	}

	public MvcTestResult document(String user, String request, UUID document, String kind, byte[] bytes) {
		return mvc.put().uri("/api/v1/pbi/reactivations/{id}/documents/{doc}?kind={kind}", request, document, kind)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_OCTET_STREAM).content(bytes).exchange();
	}

	/** A request for {@code person}, submitted with its health letter, verified, lettered and entered by Dinsos. */
	public String entered(Listed person, String category) throws Exception {
		String id = JsonPath.read(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "%s"}""".formatted(person.personId(), category)).getResponse()
			.getContentAsString(), "$.id");
		assertThat(document("fo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.CREATED);
		for (String[] step : new String[][] { { "fo.procot", "submit" }, { "operator.tegal", "verify" },
				{ "operator.tegal", "letter" }, { "operator.tegal", "enter" } }) {
			assertThat(call(step[0], "POST", "/api/v1/pbi/reactivations/" + id + "/" + step[1], null)).hasStatusOk();
		}
		return id;
	}
}
