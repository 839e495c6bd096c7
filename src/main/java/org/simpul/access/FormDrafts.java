package org.simpul.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.simpul.shared.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user typed into a page form that reached the server after their session had ended: kept for them
 * alone, encrypted, for {@link #KEEP}, and given back once after they log in again ({@code /isian-tersimpan}),
 * so that a volunteer whose session ran out on a slow link loses nothing. Only plain forms are kept (not file
 * uploads), only with a form token the user's own session was given, never the login's, user
 * administration's or the data protection officer's, never a password field, and only within
 * {@link #MAX_FIELDS} fields and {@link #MAX_CHARACTERS} characters.
 */
@Component
class FormDrafts {

	/** The session attribute that holds the id of the draft waiting for the user who logs in next. */
	static final String SESSION_ATTRIBUTE = FormDrafts.class.getName() + ".draft";

	static final String PAGE = "/isian-tersimpan";

	static final Duration KEEP = Duration.ofHours(2);

	static final int MAX_FIELDS = 500;

	static final int MAX_CHARACTERS = 100_000;

	/**
	 * Forms never kept: the login's, the account's, user administration's (passwords) and the data protection
	 * officer's, which no one should find sent again on their behalf.
	 */
	private static final List<String> NEVER = List.of("/masuk", "/keluar", "/akun", "/pengguna", "/pelindungan-data",
			PAGE);

	record Draft(String path, List<List<String>> fields) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final JsonMapper json;

	private final Clock clock;

	FormDrafts(JdbcClient jdbc, FieldCipher cipher, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps the form of {@code request} for {@code owner} and notes it in a session of the browser, which the
	 * next login keeps; nothing when the request is not a plain form post of a page.
	 */
	boolean keep(UUID owner, HttpServletRequest request, Set<String> issuedTokens) {
		String type = request.getContentType();
		if (!"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
				|| request.getHeader("HX-Request") != null) {
			return false;
		}
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (!uri.startsWith("/") || uri.startsWith("//") || uri.startsWith("/api/")
				|| NEVER.stream().anyMatch(never -> uri.equals(never) || uri.startsWith(never + "/"))) {
			return false;
		}
		// only a form this user's own session was given: nobody leaves a form of their making in another's name
		String token = request.getParameter("formToken");
		if (token == null || !issuedTokens.contains(token)) {
			return false;
		}
		String query = request.getQueryString();
		Set<String> inQuery = query == null ? Set.of()
				: UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet();
		List<List<String>> fields = new ArrayList<>();
		int characters = 0;
		for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
			if (field.getKey().equals("_csrf") || inQuery.contains(field.getKey())
					|| field.getKey().toLowerCase(Locale.ROOT).contains("password")) {
				continue;
			}
			for (String value : field.getValue()) {
				characters += field.getKey().length() + value.length();
				fields.add(List.of(field.getKey(), value));
			}
		}
		if (fields.isEmpty() || fields.size() > MAX_FIELDS || characters > MAX_CHARACTERS) {
			return false;
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("delete from form_draft where created_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(KEEP)))
			.update();
		jdbc.sql("""
				insert into form_draft (id, owner_id, path, fields, created_at)
				values (:id, :owner, :path, :fields, :now)""")
			.param("id", id)
			.param("owner", owner)
			.param("path", query == null ? uri : uri + "?" + query)
			.param("fields", cipher.encrypt(json.writeValueAsString(fields)))
			.param("now", now)
			.update();
		request.getSession(true).setAttribute(SESSION_ATTRIBUTE, id);
		return true;
	}

	/**
	 * The login page's address after a session ended: it says the form was kept only when it was, and that it
	 * could not be when a form was posted and not kept (a session the server no longer knows, no cookie).
	 */
	static String loginAfterEnd(HttpServletRequest request, boolean kept) {
		return kept ? "/masuk?berakhir&tersimpan" : "POST".equals(request.getMethod()) ? "/masuk?berakhir&hilang"
				: "/masuk?berakhir";
	}

	/** The draft this session waits with, for {@code owner} only, taken (it is given back once). */
	Optional<Draft> take(UUID owner, HttpSession session) {
		Object id = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
		if (!(id instanceof UUID draft)) {
			return Optional.empty();
		}
		session.removeAttribute(SESSION_ATTRIBUTE);
		Optional<Draft> found = jdbc.sql("""
				select path, fields from form_draft
				where id = :id and owner_id = :owner and created_at >= :since""")
			.param("id", draft)
			.param("owner", owner)
			.param("since", Timestamp.from(clock.instant().minus(KEEP)))
			.query((rs, n) -> new Draft(rs.getString("path"),
					json.readValue(cipher.decrypt(rs.getString("fields")), new TypeReference<List<List<String>>>() {
					})))
			.optional();
		jdbc.sql("delete from form_draft where id = :id").param("id", draft).update();
		return found;
	}

	/** Where a user goes after logging in: to the draft that waits for them, else the home page. */
	static String landing(HttpSession session) {
		return session != null && session.getAttribute(SESSION_ATTRIBUTE) != null ? PAGE : "/";
	}
}
