package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a slow link does to a form: taps repeated while the first submit is still on its way, and a session
 * that ended while the volunteer was typing.
 */
@SimpulIntegrationTest
class SlowLinkBrowserTests extends PhoneTest {

	@Autowired
	JdbcClient jdbc;

	private void fillComplaint(String description) {
		page.navigate("http://localhost:" + port + "/pengaduan/baru");
		page.locator("[name=subjectName]").fill("Warga Ketuk Tiga");
		page.getByLabel("Bidang").selectOption("SOCIAL");
		page.getByText("24. Fakir miskin").click();
		page.getByLabel("Uraian keluhan").fill(description);
	}

	@Test
	void threeTapsOnSaveWhileTheFirstIsUnderwayMakeOneTicket() {
		phone.login(port, "fo.procot");
		String description = "Tiga ketukan " + UUID.randomUUID();
		fillComplaint(description);
		// what three taps send on a slow link: the same form three times, the later ones before the first answers
		@SuppressWarnings("unchecked")
		List<String> landed = (List<String>) page.evaluate("""
				async () => {
				  const form = document.querySelector('form.form');
				  const body = () => new URLSearchParams(new FormData(form));
				  const answers = await Promise.all([1, 2, 3].map(() => fetch(form.action, {method: 'POST', body: body()})));
				  return answers.map(a => new URL(a.url).pathname);
				}""");
		assertThat(landed).hasSize(3).allMatch(path -> path.equals(landed.getFirst()))
			.allMatch(path -> path.matches("/pengaduan/[0-9a-f-]{36}/tanda-terima"));
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);

		// and a fourth, a real tap on the form still on the screen, shows the same receipt
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*" + landed.getFirst()));
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(consoleProblems).isEmpty();
	}
}
