package org.simpul.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The district manager onboards Disdukcapil's programme manager: a new user with that role, made a member
 * of the agency, who then finds the referrals sent to it, and nothing more once removed.
 */
@SimpulIntegrationTest
class AgencyMembersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String bearer(String user) {
		return "Bearer " + DemoLogins.token(mvc, user);
	}

	private String agency(String code) {
		return jdbc.sql("select cast(id as text) from agency where code = :code").param("code", code)
			.query(String.class).single();
	}

	@Test
	void aManagerOnboardsAnAgencysProgrammeManager() throws Exception {
		MvcTestResult created = mvc.post().uri("/api/v1/users").header("Authorization", bearer("manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "program.disdukcapil", "password": "Disdukcapil-Tegal-2026", "displayName": "Disdukcapil Tegal",
					 "role": "PROGRAM_MANAGER", "regionCode": "33.28"}""")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String user = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		String disdukcapil = agency("DISDUKCAPIL-3328");
		String members = "/api/v1/agencies/" + disdukcapil + "/members/" + user;

		assertThat(mvc.put().uri(members).header("Authorization", bearer("manajer.tegal"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.put().uri(members).header("Authorization", bearer("manajer.tegal"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/agencies/" + disdukcapil + "/members").header("Authorization", bearer("manajer.tegal")))
			.hasStatusOk().bodyJson().extractingPath("$[*].username").asArray().containsExactly("program.disdukcapil");

		// a referral to Disdukcapil reaches the new member
		String complaint = JsonPath.read(mvc.post().uri("/api/v1/complaints").header("Authorization", bearer("manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "CIVIL_REGISTRATION", "villageCode": "33.28.10.1008",
					 "description": "Akta kelahiran anak", "ppksCodes": ["24"], "subject": {"name": "Anak Tanpa Akta"}}""")
			.exchange().getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DISDUKCAPIL-3328-DOKUMEN'")
			.query(String.class).single();
		String referral = JsonPath.read(mvc.post().uri("/api/v1/referrals").header("Authorization", bearer("manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"complaintId\": \"%s\", \"providerId\": \"%s\", \"reason\": \"Akta kelahiran\"}".formatted(complaint,
					provider))
			.exchange().getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/api/v1/referrals/" + referral).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "program.disdukcapil", "Disdukcapil-Tegal-2026"))).hasStatusOk();

		// out of reach, the wrong role, or not a programme manager
		assertThat(mvc.put().uri(members).header("Authorization", bearer("manajer.temanggung"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri("/api/v1/agencies/" + agency("KEMENSOS") + "/members/" + user)
			.header("Authorization", bearer("manajer.tegal"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri(members).header("Authorization", bearer("fo.procot"))).hasStatus(HttpStatus.FORBIDDEN);
		String desk = jdbc.sql("select cast(id as text) from app_user where username = 'fo.procot'").query(String.class).single();
		assertThat(mvc.put().uri("/api/v1/agencies/" + disdukcapil + "/members/" + desk)
			.header("Authorization", bearer("manajer.tegal"))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("NOT_A_PROGRAMME_MANAGER");

		// removed, the referral is no longer theirs to see
		assertThat(mvc.delete().uri(members).header("Authorization", bearer("manajer.tegal"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/referrals/" + referral).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "program.disdukcapil", "Disdukcapil-Tegal-2026")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}
}
