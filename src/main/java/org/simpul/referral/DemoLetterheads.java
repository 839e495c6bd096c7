package org.simpul.referral;

import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Letterheads of the demo world: Dinas Sosial Kabupaten Tegal, and the Puskesos of Procot for its village. */
@Component
@OnDemoWorld
class DemoLetterheads {

	private final DemoSeeds seeds;

	private final JdbcClient jdbc;

	DemoLetterheads(DemoSeeds seeds, JdbcClient jdbc) {
		this.seeds = seeds;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(25)
	void seed() {
		seeds.once("referral.letterheads", () -> jdbc.sql("""
				insert into letterhead (region_code, office_name, address, signatory_name, signatory_title) values
				('33.28', 'PEMERINTAH KABUPATEN TEGAL — DINAS SOSIAL', 'Slawi, Kabupaten Tegal (alamat contoh untuk demo)',
				 'Nama Pejabat Contoh', 'Manajer SLRT Kabupaten Tegal'),
				('33.28.10.1008', 'PUSKESOS DESA PROCOT', 'Desa Procot, Kecamatan Slawi, Kabupaten Tegal (alamat contoh)',
				 'Nama Koordinator Contoh', 'Koordinator Puskesos Procot')""").update());
	}
}
