package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The citizen's tracking page: no login, the status in Bahasa Indonesia, nothing personal, the same refusal. */
@SimpulIntegrationTest
class ComplaintPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCitizenTracksHerComplaintWithoutLoggingIn() throws Exception {
		MvcTestResult created = mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "EDUCATION", "villageCode": "33.28.10.1008",
					 "description": "KIP anaknya belum cair", "ppksCodes": ["24"],
					 "subject": {"name": "Ibu Rahayu Lacak"}}""")
			.exchange();
		String ticket = JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNumber");
		String code = JsonPath.read(created.getResponse().getContentAsString(), "$.trackingCode");

		assertThat(mvc.get().uri("/lacak")).hasStatusOk().bodyText().contains("Lacak pengaduan", "Kode pelacakan");
		MvcTestResult found = mvc.post().uri("/lacak").with(csrf()).with(request -> {
			request.setRemoteAddr("10.77.0.1");
			return request;
		}).param("ticketNumber", ticket).param("trackingCode", code.toLowerCase()).exchange();
		assertThat(found).hasStatusOk().bodyText().contains("Tiket " + ticket, "Diterima", "WIB")
			.doesNotContain("Rahayu", "KIP", "Procot");
		MvcTestResult wrong = mvc.post().uri("/lacak").with(csrf()).with(request -> {
			request.setRemoteAddr("10.77.0.1");
			return request;
		}).param("ticketNumber", ticket).param("trackingCode", "0000000000").exchange();
		assertThat(wrong).hasStatus(HttpStatus.NOT_FOUND).bodyText()
			.contains("Nomor tiket atau kode pelacakan tidak cocok")
			.doesNotContain("Diterima");
	}
}
