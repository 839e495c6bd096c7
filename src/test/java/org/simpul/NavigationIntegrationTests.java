package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The navigation each role sees, built from the entries the modules contribute: every link the role may
 * use, in one order, and nothing else.
 */
@SimpulIntegrationTest
class NavigationIntegrationTests {

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">");

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"admin              | / /rujukan /registri /usulan /pbi /ppks /asesmen/formulir /wilayah /puskesos /pengguna",
			"manajer.tegal      | / /pengaduan /rujukan /registri /usulan /pbi /ppks /asesmen/formulir /wilayah /puskesos /pengguna",
			"tksk.slawi         | / /pengaduan /rujukan /registri /usulan /pbi /wilayah /puskesos",
			"fo.procot          | / /pengaduan /rujukan /registri /usulan /pbi /wilayah /puskesos",
			"bo.procot          | / /tugas /pengaduan /rujukan /registri /usulan /pbi /wilayah /puskesos",
			"psm.procot         | / /tugas /pengaduan /rujukan /registri /usulan /pbi /wilayah /puskesos",
			"operator.procot    | / /registri /usulan /pbi /wilayah /puskesos",
			"koordinator.procot | / /pengaduan /rujukan /registri /usulan /pbi /wilayah /puskesos",
			"operator.tegal     | / /registri /usulan /pbi /wilayah /puskesos",
			"program.dinkes     | / /rujukan /wilayah /puskesos",
			"dpo.tegal          | / /registri /wilayah /puskesos /pelindungan-data" })
	void eachRoleSeesTheLinksItMayUse(String username, String links) {
		MvcTestResult home = mvc.get().uri("/").session(DemoLogins.session(mvc, username)).exchange();
		assertThat(home).hasStatusOk();
		String html = new String(home.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String nav = html.substring(html.indexOf("<nav class=\"nav\""), html.indexOf("</nav>"));
		List<String> shown = new ArrayList<>();
		Matcher link = LINK.matcher(nav);
		while (link.find()) {
			shown.add(link.group(1));
		}
		assertThat(shown).containsExactly(links.strip().split(" "));
	}
}
