package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;

/**
 * A referral on a 360-px phone: the district manager sends a Procot complaint to Dinkes from the complaint
 * page; Dinkes' programme manager finds it in the inbox, accepts it and completes it with the outcome.
 * (The facilitator's assessments join this story with the casework.)
 */
@SimpulIntegrationTest
class ReferralBrowserTests extends PhoneTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theManagerRefersAndDinkesAcceptsAndCompletes() {
		record Received(String id, String ticket) {
		}
		Received complaint = jdbc.sql("""
				select cast(id as text) as id, ticket_number as ticket from complaint where village_code = '33.28.10.1008'
				and status = 'RECEIVED' order by created_at limit 1""").query(Received.class).single();
		String ticket = complaint.ticket();
		phone.login(port, "manajer.tegal");
		// the complaint page, as the queue links it (the queue's first page may hold newer ones)
		page.navigate("http://localhost:" + port + "/pengaduan/" + complaint.id());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kirim rujukan")).click();
		String provider = page.locator("#providerId option", new Page.LocatorOptions().setHasText("Jaminan kesehatan daerah"))
			.getAttribute("value");
		page.getByLabel("Layanan tujuan").selectOption(provider);
		page.getByLabel("Alasan rujukan").fill("PBI-JK dinonaktifkan; mohon PBI APBD agar bisa berobat.");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim rujukan")).click();
		assertThat(page.locator(".notice")).hasText("Rujukan dikirim.");
		assertThat(page.locator("main")).containsText("Dikirim");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keluar")).click();

		phone.login(port, "program.dinkes");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rujukan")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Rujukan masuk");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ticket)).first().click();
		assertThat(page.locator("main")).containsText("PBI-JK dinonaktifkan");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terima rujukan")).click();
		assertThat(page.locator(".notice")).hasText("Rujukan diterima.");
		page.getByLabel("Hasil penanganan").fill("Kartu PBI APBD aktif sejak hari ini.");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tandai selesai")).click();
		assertThat(page.locator(".notice")).hasText("Rujukan selesai.");
		assertThat(page.locator("main")).containsText("Kartu PBI APBD aktif sejak hari ini.");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Surat rujukan (PDF)"))).isVisible();
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}
}
