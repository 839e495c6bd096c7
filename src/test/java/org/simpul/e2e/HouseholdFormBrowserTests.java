package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The household form on a phone keeps what is recorded and what was typed: the edit page shows the house
 * conditions on record and a save changes only what the user changed; adding or removing a member row
 * while registering keeps every other value.
 */
@SimpulIntegrationTest
class HouseholdFormBrowserTests extends PhoneTest {

	private static final Map<String, String> RECORDED = Map.of("roof", "TILE", "wall", "BAMBOO", "floor", "EARTH",
			"electricity", "PLN_450", "latrine", "NONE", "drinkingWater", "UNPROTECTED_WELL");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private void button(String name) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).last().click();
	}

	@Test
	void editingOnlyTheAddressKeepsTheHouseConditionsAndRecordsOnlyTheAddress() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Tarsini Kondisi");
		String household = jdbc.sql("select household_id::text from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		// the district's data operator corrects a registered household (the village proposes usulan)
		phone.login(port, "operator.tegal");
		page.navigate("http://localhost:" + port + "/registri/rumah-tangga/" + household + "/ubah");
		RECORDED.forEach((field, value) -> assertThat(page.locator("select#" + field)).hasValue(value));
		assertThat(page.locator("#floorAreaM2")).hasValue("36");
		assertThat(page.locator("#welfareDecile")).hasValue("2");

		page.locator("#address").fill("Jl. Kenanga 9");
		button("Simpan");
		assertThat(page.locator(".notice")).containsText("Perubahan tersimpan");

		Map<String, Object> stored = jdbc.sql("""
				select address, roof, wall, floor, electricity, latrine, drinking_water as "drinkingWater"
				from household where id = cast(:id as uuid)""").param("id", household).query().singleRow();
		assertThat(stored).containsEntry("address", "Jl. Kenanga 9");
		RECORDED.forEach((field, value) -> assertThat(stored).containsEntry(field, value));
		String changed = jdbc.sql("""
				select string_agg(k, ',') from registry_change, jsonb_object_keys(changes) k
				where household_id = cast(:id as uuid) and action = 'UPDATED'""").param("id", household)
			.query(String.class).single();
		assertThat(changed).isEqualTo("address");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void addingAndRemovingMemberRowsKeepsEverythingTypedOnTheRegistrationForm() {
		phone.login(port, "fo.procot");
		page.navigate("http://localhost:" + port + "/registri/rumah-tangga/baru");
		page.locator("#kkNumber").fill("3328101203159999");
		page.locator("#rt").fill("004");
		page.locator("#address").fill("Dukuh Krajan");
		page.locator("#welfareDecile").selectOption("3");
		RECORDED.forEach((field, value) -> page.locator("select#" + field).selectOption(value));
		page.locator("#floorAreaM2").fill("42");
		page.locator("[id='members[0].name']").fill("Casmini");

		button("Tambah anggota");
		assertKeptTyped();
		assertThat(page.locator("fieldset.member")).hasCount(2);
		page.locator("[id='members[1].name']").fill("Anak Casmini");

		page.locator("fieldset.member").nth(1).getByRole(AriaRole.BUTTON,
				new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hapus anggota")).click();
		assertThat(page.locator("fieldset.member")).hasCount(1);
		assertKeptTyped();
		assertThat(consoleProblems).isEmpty();
	}

	private void assertKeptTyped() {
		assertThat(page.locator("#kkNumber")).hasValue("3328101203159999");
		assertThat(page.locator("#rt")).hasValue("004");
		assertThat(page.locator("#address")).hasValue("Dukuh Krajan");
		assertThat(page.locator("#welfareDecile")).hasValue("3");
		RECORDED.forEach((field, value) -> assertThat(page.locator("select#" + field)).hasValue(value));
		assertThat(page.locator("#floorAreaM2")).hasValue("42");
		assertThat(page.locator("[id='members[0].name']")).hasValue("Casmini");
	}
}
