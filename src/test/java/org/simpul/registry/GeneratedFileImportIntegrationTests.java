package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A generated file of Kabupaten Temanggung goes through the real import: exactly the invalid rows the
 * generator planted are refused, with the reasons it expects, and everything else lands in the registry.
 */
@SimpulIntegrationTest
class GeneratedFileImportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void refusesExactlyThePlantedInvalidRows() throws Exception {
		Path file = Files.createTempFile("temanggung", ".csv");
		RegistryFileGenerator.Summary summary = RegistryFileGenerator.write(file, "33.23", 3000, 7, List.of());
		assertThat(summary.expectedRejections()).hasSizeGreaterThan(10);
		assertThat(summary.duplicatePairs()).hasSizeGreaterThan(30);
		String token = "Bearer " + DemoLogins.token(mvc, "manajer.temanggung");
		MvcTestResult accepted = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/registry/imports")
			.file(new MockMultipartFile("file", "temanggung.csv", "text/csv", Files.readAllBytes(file)))
			.header("Authorization", token));
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
		String status = "";
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline) && !status.contains("COMPLETED") && !status.contains("FAILED")) {
			Thread.sleep(250);
			status = mvc.get().uri("/api/v1/registry/imports/{id}", id).header("Authorization", token).exchange()
				.getResponse().getContentAsString();
		}
		assertThat((String) JsonPath.read(status, "$.status")).isEqualTo("COMPLETED");
		long invalid = summary.expectedRejections().size() - 1; // minus the header line
		assertThat(((Number) JsonPath.read(status, "$.rowsRead")).longValue()).isEqualTo(summary.rows());
		assertThat(((Number) JsonPath.read(status, "$.rowsRejected")).longValue()).isEqualTo(invalid);
		assertThat(((Number) JsonPath.read(status, "$.rowsImported")).longValue()).isEqualTo(summary.rows() - invalid);

		String csv = mvc.get().uri("/api/v1/registry/imports/{id}/rejections", id).header("Authorization", token)
			.exchange().getResponse().getContentAsString();
		List<String> refused = csv.lines().skip(1)
			.map(line -> line.replaceAll("^\"(\\d+)\",\"([^\"]+)\".*$", "$1,$2"))
			.collect(Collectors.toList());
		assertThat(refused).containsExactlyInAnyOrderElementsOf(summary.expectedRejections().subList(1,
				summary.expectedRejections().size()));
	}
}
