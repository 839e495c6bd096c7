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
