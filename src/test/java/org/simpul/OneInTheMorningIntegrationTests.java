package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.RegionTime;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * At 01:00 WIB it is already today in Tegal while UTC still says yesterday: a baby born today, a member who
 * left today and a complaint about a newborn are all accepted, not refused as future dates.
 */
@SimpulIntegrationTest
class OneInTheMorningIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestClock clock;

	@Test
	void aBirthAndADepartureDatedTodayAreAcceptedAtOneInTheMorningWib() throws Exception {
		Instant now = clock.instant();
		ZonedDateTime oneAm = now.atZone(RegionTime.WIB).toLocalDate().plusDays(1).atTime(1, 0).atZone(RegionTime.WIB);
		LocalDate today = oneAm.toLocalDate();
		try {
			clock.advance(Duration.between(now, oneAm.toInstant()));
			assertThat(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).isEqualTo(today.minusDays(1));
			String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 2, 3), Sex.F);
			String baby = TestIdentifiers.nik("33.28.10", today, Sex.M);
			var created = DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/households", """
					{"kkNumber": "%s", "villageCode": "33.28.10.1008",
					 "members": [{"nik": "%s", "name": "Ibu Subuh", "birthDate": "1990-02-03", "sex": "F", "relationship": "HEAD"},
					             {"nik": "%s", "name": "Bayi Subuh", "birthDate": "%s", "sex": "M", "relationship": "CHILD"}]}"""
				.formatted(TestIdentifiers.kk("33.28.10"), head, baby, today));
			assertThat(created).hasStatus(HttpStatus.CREATED);
			String body = created.getResponse().getContentAsString();
			String babyId = ((List<String>) JsonPath.read(body, "$.members[?(@.name == 'Bayi Subuh')].id")).getFirst();
			assertThat(DemoLogins.call(mvc, "operator.tegal", "POST", "/api/v1/persons/" + babyId + "/leave", """
					{"reason": "DIED", "date": "%s"}""".formatted(today))).hasStatusOk();
			assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Bayi baru lahir",
					 "ppksCodes": ["24"], "subject": {"name": "Bayi Lain", "birthDate": "%s", "sex": "F"}}""".formatted(today)))
				.hasStatus(HttpStatus.CREATED);
		}
		finally {
			clock.reset();
		}
	}

	/**
	 * At 23:00 WIB it is already tomorrow in Papua (WIT), not in Tegal: a birth dated tomorrow in a Tegal
	 * household, and a complaint about a person born tomorrow, are still future dates there.
	 */
	@Test
	void aDateThatIsTodayOnlyFurtherEastIsStillFutureInAWibVillage() throws Exception {
		Instant now = clock.instant();
		ZonedDateTime late = now.atZone(RegionTime.WIB).toLocalDate().plusDays(1).atTime(23, 0).atZone(RegionTime.WIB);
		LocalDate tomorrow = late.toLocalDate().plusDays(1);
		try {
			clock.advance(Duration.between(now, late.toInstant()));
			assertThat(LocalDate.ofInstant(clock.instant(), RegionTime.WIT)).isEqualTo(tomorrow);
			String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 2, 3), Sex.F);
			String baby = TestIdentifiers.nik("33.28.10", tomorrow, Sex.M);
			assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/households", """
					{"kkNumber": "%s", "villageCode": "33.28.10.1008",
					 "members": [{"nik": "%s", "name": "Ibu Malam", "birthDate": "1990-02-03", "sex": "F", "relationship": "HEAD"},
					             {"nik": "%s", "name": "Bayi Besok", "birthDate": "%s", "sex": "M", "relationship": "CHILD"}]}"""
				.formatted(TestIdentifiers.kk("33.28.10"), head, baby, tomorrow))).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson().extractingPath("$.errors[*].code").asArray().contains("NOT_IN_PAST");
			assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Belum lahir",
					 "ppksCodes": ["24"], "subject": {"name": "Bayi Besok", "birthDate": "%s", "sex": "F"}}""".formatted(tomorrow)))
				.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].code").asArray()
				.contains("DATE_OUT_OF_RANGE");
		}
		finally {
			clock.reset();
		}
	}
}
