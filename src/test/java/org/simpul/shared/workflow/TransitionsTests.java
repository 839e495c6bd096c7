package org.simpul.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The workflow table every status enum builds: moves allowed are exactly those written, others refused. */
class TransitionsTests {

	enum Light {
		RED, GREEN, AMBER, OFF
	}

	@Test
	void onlyTheMovesWrittenAreAllowedAndAStatusWithoutMovesIsFinal() {
		Transitions<Light> empty = Transitions.of(Light.class);
		Transitions<Light> table = empty.allow(Light.RED, Light.GREEN, Light.OFF)
			.allow(Light.GREEN, Light.AMBER)
			.allow(Light.AMBER, Light.RED);
		assertThat(table.allows(Light.RED, Light.GREEN)).isTrue();
		assertThat(table.allows(Light.GREEN, Light.RED)).isFalse();
		assertThat(table.allows(Light.RED, Light.RED)).isFalse();
		assertThat(table.from(Light.RED)).isEqualTo(EnumSet.of(Light.GREEN, Light.OFF));
		assertThat(table.isFinal(Light.OFF)).isTrue();
		assertThat(table.isFinal(Light.AMBER)).isFalse();
		// a table is a value: allowing more makes a new one
		assertThat(empty.isFinal(Light.RED)).isTrue();
	}
}
