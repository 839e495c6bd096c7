package org.simpul.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.simpul.access.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ministry's result list applied to the registry: each row names a person (by the blind index of the NIK)
 * or a household (of the KK number) and, when the person or household is included, the desil it ranks in.
 * One statement per slice of rows, within the actor's territory (row-level security bounds it too): the
 * households' desil set where it changed, each change a row of the history with its source. Rows that name
 * nobody registered are answered, so that the caller can tell them from the rest.
 */
@Service
public class RegistryResults {

	/** One row of a result list: NIK or KK blind index (one of them), and the desil (null when not ranked). */
	public record Ranked(String nikIndex, String kkIndex, Integer desil) {
	}

	/** What a slice did: the positions (0-based) of the rows that named someone registered, and the households changed. */
	public record Applied(Set<Integer> found, int householdsChanged) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	RegistryResults(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Applies a slice of a district's result list: only persons and households of {@code regency} (and of the
	 * actor's territory); {@code source} names it on the history, as {@code USULAN_RESULT:<id>}.
	 */
	@Transactional
	public Applied apply(CurrentUser actor, String regency, String source, List<Ranked> rows) {
		RegistryAccess.requireWriter(actor);
		if (rows.isEmpty()) {
			return new Applied(Set.of(), 0);
		}
		String[] niks = rows.stream().map(Ranked::nikIndex).toArray(String[]::new);
		String[] kks = rows.stream().map(Ranked::kkIndex).toArray(String[]::new);
		Integer[] deciles = rows.stream().map(Ranked::desil).toArray(Integer[]::new);
		Instant now = clock.instant();
		String hit = """
				with r as (
				  select * from unnest(cast(:niks as text[]), cast(:kks as text[]), cast(:deciles as smallint[]))
				    with ordinality as r(nik_index, kk_index, desil, pos)),
				hit as (
				  select r.pos, coalesce(p.household_id, h.id) as household_id, r.desil from r
				  left join person p on r.nik_index is not null and p.nik_index = r.nik_index and p.left_on is null
				    and p.restricted_since is null
				  left join household h on r.nik_index is null and h.kk_index = r.kk_index
				  where (p.id is not null and in_territory(p.village_code) and p.village_code like :within)
				     or (h.id is not null and in_territory(h.village_code) and h.village_code like :within))
				""";
		// one statement: the households' desil set where it changed (the last row about a household decides, its
		// old value read before the update), each change a history row, and the positions of the rows that named
		// someone; its data-modifying parts run whatever the final select reads
		record Hit(long pos, long changed) {
		}
		List<Hit> hits = actor.territory().sql(jdbc, hit + """
				, wanted as (
				  select distinct on (hit.household_id) hit.household_id, hit.desil, h.welfare_decile as before
				  from hit join household h on h.id = hit.household_id
				  where hit.desil is not null order by hit.household_id, hit.pos desc),
				changed as (
				  update household h set welfare_decile = w.desil, version = h.version + 1, updated_at = :now
				  from wanted w where h.id = w.household_id and h.welfare_decile is distinct from w.desil
				  returning h.id, w.before, w.desil),
				history as (
				  insert into registry_change (household_id, changed_at, changed_by, source, action, changes)
				  select id, :now, :by, :source, 'DECILE_SET',
				         jsonb_build_object('welfareDecile', jsonb_build_array(before, desil)) from changed
				  returning 1)
				select pos, (select count(*) from history) as changed from hit""")
			.param("niks", niks).param("kks", kks).param("deciles", deciles).param("within", regency + ".%")
			.param("now", Timestamp.from(now))
			.param("by", actor.id())
			.param("source", source)
			.query(Hit.class)
			.list();
		Set<Integer> found = hits.stream().map(h -> (int) (h.pos() - 1)).collect(Collectors.toSet());
		int changed = hits.isEmpty() ? 0 : (int) hits.getFirst().changed();
		return new Applied(found, changed);
	}
}
