package org.simpul.directory;

import java.util.List;
import java.util.UUID;

import org.simpul.access.UserLookup;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referral catalogue of Kabupaten Tegal for the demo world: the district's agencies (Dinkes,
 * Disdukcapil, Disdikbud, Dinsos and its fields, Perkim, Baznas) and a village government, their services
 * serving the district or the village, and the demo programme manager as a member of Dinkes. The national
 * agencies come with the schema.
 */
@Component
@OnDemoWorld
class DemoProviders {

	private record Service(String code, String name, String category, String programme, int dueDays) {
	}

	private record Agency(String code, String name, String level, String region, List<Service> services) {
	}

	static final List<Agency> AGENCIES = List.of(
			new Agency("DINKES-3328", "Dinas Kesehatan Kabupaten Tegal", "REGENCY", "33.28", List.of(
					new Service("DINKES-3328-JAMKESDA", "Jaminan kesehatan daerah (PBI APBD)", "HEALTH", "PBI-APBD", 7),
					new Service("DINKES-3328-LAYANAN", "Layanan kesehatan, ODGJ dan rujukan puskesmas", "HEALTH", null, 7))),
			new Agency("DISDUKCAPIL-3328", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tegal", "REGENCY", "33.28",
					List.of(new Service("DISDUKCAPIL-3328-DOKUMEN", "Dokumen kependudukan (KTP-el, KK, akta kelahiran)",
							"CIVIL_REGISTRATION", null, 7))),
			new Agency("DISDIKBUD-3328", "Dinas Pendidikan dan Kebudayaan Kabupaten Tegal", "REGENCY", "33.28", List.of(
					new Service("DISDIKBUD-3328-BANTUAN", "Bantuan pendidikan dan usulan PIP", "EDUCATION", "PIP", 14))),
			new Agency("DINSOS-3328", "Dinas Sosial Kabupaten Tegal", "REGENCY", "33.28", List.of(
					new Service("DINSOS-3328-REHSOS", "Bidang Rehabilitasi Sosial", "SOCIAL", null, 14),
					new Service("DINSOS-3328-LINJAMSOS", "Bidang Perlindungan dan Jaminan Sosial", "SOCIAL", null, 14),
					new Service("DINSOS-3328-DAYASOS", "Bidang Pemberdayaan Sosial", "ECONOMY", null, 14))),
			new Agency("PERKIM-3328", "Dinas Perumahan dan Kawasan Permukiman Kabupaten Tegal", "REGENCY", "33.28",
					List.of(new Service("PERKIM-3328-RTLH", "Rehabilitasi Rumah Tidak Layak Huni (RTLH)", "SOCIAL", "RTLH",
							30))),
			new Agency("BAZNAS-3328", "Baznas Kabupaten Tegal", "REGENCY", "33.28", List.of(
					new Service("BAZNAS-3328-ZIS", "Bantuan konsumtif dan modal usaha (ZIS)", "ECONOMY", null, 14))),
			new Agency("DESA-3328101008", "Pemerintah Desa Procot", "VILLAGE", "33.28.10.1008", List.of(
					new Service("DESA-3328101008-BLTDD", "BLT Dana Desa Procot", "ECONOMY", "BLT-DD", 14))));

	private final DemoSeeds seeds;

	private final JdbcClient jdbc;

	private final UserLookup users;

	DemoProviders(DemoSeeds seeds, JdbcClient jdbc, UserLookup users) {
		this.seeds = seeds;
		this.jdbc = jdbc;
		this.users = users;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(20)
	void seed() {
		seeds.once("directory.providers", () -> {
			for (Agency agency : AGENCIES) {
				UUID agencyId = UUID.randomUUID();
				jdbc.sql("""
						insert into agency (id, code, name, level, region_code, created_at)
						values (:id, :code, :name, :level, :region, now())""")
					.param("id", agencyId).param("code", agency.code()).param("name", agency.name())
					.param("level", agency.level()).param("region", agency.region()).update();
				for (Service service : agency.services()) {
					UUID id = UUID.randomUUID();
					jdbc.sql("""
							insert into provider (id, agency_id, code, name, category, programme_code, default_due_days,
							                      nationwide, active, created_at)
							values (:id, :agency, :code, :name, :category, :programme, :due, false, true, now())""")
						.param("id", id).param("agency", agencyId).param("code", service.code())
						.param("name", service.name()).param("category", service.category())
						.param("programme", service.programme()).param("due", service.dueDays()).update();
					jdbc.sql("insert into provider_region (provider_id, region_code) values (:id, :region)")
						.param("id", id).param("region", agency.region()).update();
				}
			}
			users.byUsername("program.dinkes").ifPresent(user -> jdbc.sql("""
					insert into agency_member (user_id, agency_id)
					select :user, id from agency where code = 'DINKES-3328'""").param("user", user.id()).update());
		});
	}
}
