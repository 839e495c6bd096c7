package org.simpul.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The usulan edit form's changes: what the form shows is the form's, what it does not show stays. */
class UsulanPagesTests {

	@Test
	void anEditKeepsTheFieldsItsFormDoesNotShowAndClearsTheOnesEmptied() {
		JsonNode stored = UsulanChanges.JSON.readTree("""
				{"objectorName": "Pak Darmo", "objectorAddress": "RT 2", "latitude": -6.97, "longitude": 109.13,
				 "fieldCheck": {"eligible": true}}""");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("changes.objectorName", "Pak Darmo Sr.");
		form.add("changes.objectorAddress", "");
		ObjectNode changes = UsulanPages.kept(UsulanPages.changesOf(form), form, stored);
		assertThat(changes.get("objectorName").asString()).isEqualTo("Pak Darmo Sr.");
		assertThat(changes.has("objectorAddress")).as("emptied on the form").isFalse();
		assertThat(changes.get("latitude").asDouble()).isEqualTo(-6.97);
		assertThat(changes.get("longitude").asDouble()).isEqualTo(109.13);
		assertThat(changes.has("fieldCheck")).as("the PSM's, kept by the service, not the form").isFalse();
	}
}
