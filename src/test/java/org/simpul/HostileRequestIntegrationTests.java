package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Requests a security tester sends: none gets a 5xx, and none steers the addresses Simpul prints. */
@SimpulIntegrationTest
class HostileRequestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/** A raw HTTP/1.1 exchange, so that any Host header can be sent. */
	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotAServerError() throws Exception {
		String answer = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer.lines().findFirst().orElseThrow()).doesNotContain(" 500 ").contains(" 404 ");
	}

	@Test
	void aFileNameWithANulByteIsRefusedAsBadInput() {
		MockMultipartFile file = new MockMultipartFile("file", "daftar\u0000.csv", "text/csv",
				"no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n".getBytes(StandardCharsets.UTF_8));
		var answer = mvc.post().uri("/api/v1/registry/imports").multipart().file(file)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal")).exchange();
		assertThat(answer.getResponse().getStatus()).isLessThan(500);
	}

	@Test
	void theLetterOfAReferralNotYetSentIsNotFound() throws Exception {
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Belum dikirim",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Usulan"}}""").getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		var recommended = DemoLogins.call(mvc, "bo.procot", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}""".formatted(complaint, provider));
		assertThat(recommended).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status")
			.isEqualTo("RECOMMENDED");
		String id = JsonPath.read(recommended.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/rujukan/" + id + "/surat.pdf").session(DemoLogins.session(mvc, "tksk.slawi")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theHostHeaderNeitherMakesRedirectsNorThePrintedTrackingAddress() throws Exception {
		String answer = raw("GET /pengaduan HTTP/1.1\r\nHost: phishing.example\r\nConnection: close\r\n\r\n");
		assertThat(answer).contains(" 302 ").doesNotContain("phishing.example");
		assertThat(answer.lines().filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElseThrow())
			.isEqualToIgnoringCase("Location: /masuk");

		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Alamat",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Alamat"}}""").getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/pengaduan/" + complaint + "/tanda-terima").header("Host", "phishing.example")
			.session(DemoLogins.session(mvc, "fo.procot"))).hasStatusOk().bodyText()
			.contains("http://localhost:8080/lacak").doesNotContain("phishing.example");
	}
}
