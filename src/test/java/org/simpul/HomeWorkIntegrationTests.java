package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The home page shows each user their work, not only a profile card: the desk's, the supervisor's, the agency's. */
@SimpulIntegrationTest
class HomeWorkIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String home(String username) throws Exception {
		return mvc.get().uri("/").session(DemoLogins.session(mvc, username)).exchange().getResponse().getContentAsString();
	}

	@Test
	void eachUserSeesWhatWaitsForThem() throws Exception {
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Beranda",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Beranda"}}""").getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		DemoLogins.call(mvc, "bo.procot", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Beranda"}""".formatted(complaint, provider));
		assertThat(home("fo.procot")).contains("Yang menunggu Anda", "pengaduan masuk hari ini",
				"pengaduan menunggu asesmen", "/pengaduan?status=RECEIVED");
		assertThat(home("tksk.slawi")).contains("usulan rujukan menunggu keputusan", "/rujukan?status=RECOMMENDED");
		assertThat(home("program.dinkes")).contains("Yang menunggu Anda").doesNotContain("pengaduan masuk hari ini");
	}
}
