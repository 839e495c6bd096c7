package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Duplicate detection on a generated Kabupaten Tuban: the near-duplicates the generator planted are found
 * (recall) without burying them in false alarms (precision); a dismissed pair stays dismissed.
 */
@SimpulIntegrationTest
class DuplicateDetectionIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Test
	void findsThePlantedNearDuplicatesAndRemembersDismissals() throws Exception {
		Path file = Files.createTempFile("tuban", ".csv");
		RegistryFileGenerator.Summary summary = RegistryFileGenerator.write(file, "35.23", 3000, 11, List.of());
		String admin = "Bearer " + DemoLogins.token(mvc, "admin");
		MvcTestResult accepted = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/registry/imports")
			.file(new MockMultipartFile("file", "tuban.csv", "text/csv", Files.readAllBytes(file)))
			.header("Authorization", admin));
		String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		String status = "";
		while (Instant.now().isBefore(deadline) && !status.contains("COMPLETED") && !status.contains("FAILED")) {
			Thread.sleep(250);
			status = mvc.get().uri("/api/v1/registry/imports/{id}", id).header("Authorization", admin).exchange()
				.getResponse().getContentAsString();
		}
		assertThat(status).contains("COMPLETED");

		assertThat(mvc.post().uri("/api/v1/registry/duplicates/scan").header("Authorization", admin)).hasStatusOk();

		Map<String, String> nikOf = jdbc.sql("select p.id::text, p.nik_cipher from person p join household h on h.id = p.household_id"
				+ " where h.village_code like '35.23.%'").query((rs, n) -> Map.entry(rs.getString(1), cipher.decrypt(rs.getString(2))))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Set<String> found = new HashSet<>();
		jdbc.sql("select person_a::text, person_b::text from duplicate_candidate where status = 'OPEN'")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list().forEach(pair -> {
				if (nikOf.containsKey(pair[0]) && nikOf.containsKey(pair[1])) {
					found.add(key(nikOf.get(pair[0]), nikOf.get(pair[1])));
				}
			});
		Set<String> truth = summary.duplicatePairs().stream().skip(1).map(line -> line.split(","))
			.map(niks -> key(niks[0], niks[1])).collect(Collectors.toSet());
		Set<String> hits = new HashSet<>(found);
		hits.retainAll(truth);
		double precision = found.isEmpty() ? 0 : (double) hits.size() / found.size();
		double recall = (double) hits.size() / truth.size();
		System.out.printf("duplicates: planted %d, found %d, correct %d, precision %.3f, recall %.3f%n", truth.size(),
				found.size(), hits.size(), precision, recall);
		assertThat(recall).isGreaterThanOrEqualTo(0.95);
		assertThat(precision).isGreaterThanOrEqualTo(0.5);

		// the queue, within the territory only; a dismissal is remembered across scans
		assertThat(mvc.get().uri("/api/v1/registry/duplicates?size=1").header("Authorization", admin)).hasStatusOk()
			.bodyJson().extractingPath("$.page.totalElements").asNumber().isNotEqualTo(0);
		// a pair of Tuban, so that the manager of Tegal must not reach it whatever other tests queued
		String first = jdbc.sql("select d.id::text from duplicate_candidate d join person p on p.id = d.person_a"
				+ " join household h on h.id = p.household_id where d.status = 'OPEN' and h.village_code like '35.23.%'"
				+ " order by d.score desc limit 1").query(String.class).single();
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/dismiss", first).header("Authorization", admin))
			.hasStatus(HttpStatus.NO_CONTENT);
		mvc.post().uri("/api/v1/registry/duplicates/scan").header("Authorization", admin).exchange();
		assertThat(jdbc.sql("select status from duplicate_candidate where id = cast(:id as uuid)").param("id", first)
			.query(String.class).single()).isEqualTo("DISMISSED");
		String tegal = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/api/v1/registry/duplicates?size=200").header("Authorization", tegal)).hasStatusOk()
			.bodyText().doesNotContain(nikOf.keySet().iterator().next());
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/dismiss", first).header("Authorization", tegal))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/scan")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "psm.procot"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private static String key(String a, String b) {
		return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
	}
}
