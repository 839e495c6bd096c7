package org.simpul.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.shared.ClientIds;
import org.simpul.shared.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every write a client or a person may repeat happens once, by one mechanism:
 * <ul>
 * <li>{@code Idempotency-Key}, which every API {@code POST} accepts: the same caller, key and body replay the
 * first successful answer; the same key with another body answers 422;</li>
 * <li>the id a client chose for the record a {@code POST} creates ({@link ClientIds}): the same user, address
and content (compared as JSON) replay the first successful answer; any other use of the id answers 409;</li>
<li>the one-time form token of every page form that creates something ({@value #FORM_FIELD}, a hidden
 * field that {@link FormTokens} gives each rendered page): a second submit of the same form, a double tap
 * on a slow link or a retry after a lost answer, is sent where the first one went (its redirect), whatever
 * was typed meanwhile. Only a page's successful answer, a redirect after the write, is recorded.</li>
 * </ul>
 *
 * <p>The key is recorded in the same transaction as the request's own writes (the services' transactions
 * join the one opened here), so a crash leaves either both or neither, and a retry after a lost answer
 * never writes twice. A second request with the same key waits on the first one's row lock and then
 * replays its answer. Failed requests (any status but 2xx) are rolled back whole and not recorded, so the
 * client may correct and retry with the same key.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	/** The form field that carries a page form's one-time token. */
	public static final String FORM_FIELD = "formToken";

	private static final int MAX_BODY = 1 << 20;

	private static final String FIELD_API = "/lapangan/api/";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ProblemWriter problems;

	private final Clock clock;

	IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactionManager, ProblemWriter problems,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		if (api(request)) {
			// a key in the header, or a creating request whose JSON body may carry a client-chosen id
			return request.getHeader(HEADER) == null && !(json(request) && ClientIds.creates(apiPath(request)));
		}
		// htmx's partial requests (a look-up inside a form) create nothing; an upload streams a file whose checks
		// must not hold a database connection: neither runs under a form token
		String type = request.getContentType();
		if (request.getHeader("HX-Request") != null || type != null && type.toLowerCase(Locale.ROOT)
			.startsWith("multipart/")) {
			return true;
		}
		// an API body is never parsed here as a form: only its header counts
		return request.getParameter(FORM_FIELD) == null;
	}

	/** The API, and the field app's JSON calls that the pages' session makes ({@code /lapangan/api/}). */
	private static boolean api(HttpServletRequest request) {
		String path = apiPath(request);
		return path.startsWith("/api/") || path.startsWith(FIELD_API);
	}

	/** JSON as Spring reads it: {@code application/json} and every {@code application/*+json}. */
	private static boolean json(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		String media = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
		return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
	}

	private static String apiPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private record Stored(byte[] requestHash, int status, String contentType, String location, String etag,
			byte[] body) {
	}

	/** One ledger entry a request claims: its key in a caller's ledger and the fingerprint of the request. */
	private record Claim(String caller, UUID key, byte[] hash, boolean clientId) {
	}

	/** A claim that an earlier request already holds, and what it answered. */
	private record Taken(Claim claim, Stored stored) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!api(request)) {
			pageForm(request, response, chain);
			return;
		}
		String header = request.getHeader(HEADER);
		Optional<UUID> key = header == null ? Optional.empty() : parse(header);
		if (header != null && key.isEmpty()) {
			problems.write(response, problems.problem(request, HttpStatus.BAD_REQUEST, "problem.validation",
					List.of(FieldProblem.of(HEADER, "IDEMPOTENCY_KEY_INVALID"))));
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			problems.write(response, problems.problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge",
					List.of()));
			return;
		}
		// Multipart uploads stream: they are keyed by the key alone (the hash covers method and path).
		boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
		// a body without a length (chunked) is read only up to the limit
		byte[] body = multipart ? null : request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body != null && body.length > MAX_BODY) {
			problems.write(response, problems.problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge",
					List.of()));
			return;
		}
		CachedBodyRequest cached = body == null ? null : new CachedBodyRequest(request, body);
		HttpServletRequest forward = cached == null ? request : cached;
		String caller = caller();
		List<Claim> claims = new ArrayList<>();
		key.ifPresent(value -> claims.add(new Claim(caller, value, hash(request.getMethod(), request.getRequestURI(),
				cached == null ? new byte[0] : cached.body()), false)));
		if (cached != null && json(request) && ClientIds.creates(apiPath(request))) {
			ClientIds.Chosen chosen = ClientIds.chosen(cached.body());
			if (chosen.invalid()) {
				problems.write(response, problems.problem(request, HttpStatus.BAD_REQUEST, "problem.validation",
						List.of(FieldProblem.of("id", "INVALID_VALUE"))));
				return;
			}
			if (chosen.id() != null) {
				claims.add(new Claim(ClientIds.LEDGER, chosen.id(),
						hash(request.getMethod(), request.getRequestURI(), chosen.fingerprint(caller)), true));
			}
		}
		if (claims.isEmpty()) {
			chain.doFilter(forward, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		Taken taken;
		try {
			taken = transactions.execute(tx -> {
				for (Claim claim : claims) {
					if (claim(claim.caller(), claim.key(), claim.hash()) == 0) {
						// answered before: nothing of this request is written (an earlier claim of it is undone)
						tx.setRollbackOnly();
						return new Taken(claim, stored(claim.caller(), claim.key()));
					}
				}
				proceed(chain, forward, wrapper, tx);
				if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
					for (Claim claim : claims) {
						jdbc.sql("""
								update idempotent_request set status = :status, content_type = :type, location = :location,
								       etag = :etag, body = :body
								where caller = :caller and idempotency_key = :key""")
							.param("status", wrapper.getStatus())
							.param("type", wrapper.getContentType())
							.param("location", wrapper.getHeader(HttpHeaders.LOCATION))
							.param("etag", wrapper.getHeader(HttpHeaders.ETAG))
							.param("body", wrapper.getContentAsByteArray())
							.param("caller", claim.caller())
							.param("key", claim.key())
							.update();
					}
				}
				else {
					tx.setRollbackOnly();
				}
				return null;
			});
		}
		catch (WrappedException ex) {
			throw ex.unwrap();
		}
		if (taken == null) {
			wrapper.copyBodyToResponse();
			return;
		}
		Stored replay = taken.stored();
		if (!MessageDigest.isEqual(replay.requestHash(), taken.claim().hash())) {
			if (taken.claim().clientId()) {
				// the id names a record made by another request: another content, another caller or another place
				problems.write(response, problems.problem(request, HttpStatus.CONFLICT, "problem.conflict",
						List.of(ClientIds.conflict().problem())));
			}
			else {
				problems.write(response, problems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT,
						"problem.idempotencyMismatch", List.of(FieldProblem.of(HEADER, "IDEMPOTENCY_KEY_REUSED"))));
			}
			return;
		}
		response.setStatus(replay.status());
		if (replay.contentType() != null) {
			response.setContentType(replay.contentType());
		}
		if (replay.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, replay.location());
		}
		if (replay.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, replay.etag());
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.getOutputStream().write(replay.body() == null ? new byte[0] : replay.body());
	}

	/**
	 * A page form with its one-time token: the first submit that ends in a redirect is recorded with the
	 * writes it made; every later submit of the same token is redirected there. A form shown again with its
	 * errors, or any failure, rolls back and leaves the token unused. The redirect reaches the browser only
	 * after the commit, so a browser is never sent to a record that was not stored.
	 */
	private void pageForm(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<UUID> key = parse(request.getParameter(FORM_FIELD));
		if (key.isEmpty()) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		byte[] hash = hash(request.getMethod(), request.getRequestURI(), new byte[0]);
		String caller = caller();
		HeldRedirectResponse held = new HeldRedirectResponse(response);
		Stored replay;
		try {
			replay = transactions.execute(tx -> {
				int claimed = claim(caller, key.get(), hash);
				if (claimed == 0) {
					return stored(caller, key.get());
				}
				proceed(chain, request, held, tx);
				if (tx.isRollbackOnly()) {
					// a service refused (and the page showed the form again, or redirected with a warning): nothing of
					// the request stays, and the token is unused
					tx.setRollbackOnly();
					return null;
				}
				if (held.redirect() != null) {
					jdbc.sql("""
							update idempotent_request set status = 303, location = :location
							where caller = :caller and idempotency_key = :key""")
						.param("location", held.redirect())
						.param("caller", caller)
						.param("key", key.get())
						.update();
				}
				else {
					// a page shown again (a member row added, a look-up): what it read stays on the audit trail, the
					// token stays unused
					jdbc.sql("delete from idempotent_request where caller = :caller and idempotency_key = :key")
						.param("caller", caller)
						.param("key", key.get())
						.update();
				}
				return null;
			});
		}
		catch (WrappedException ex) {
			throw ex.unwrap();
		}
		if (replay == null) {
			held.release();
			return;
		}
		if (!MessageDigest.isEqual(replay.requestHash(), hash) || replay.location() == null) {
			// a token of another form: not a repeat of this one
			response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return;
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, replay.location());
	}

	private int claim(String caller, UUID key, byte[] hash) {
		return jdbc.sql("""
				insert into idempotent_request (caller, idempotency_key, request_hash, created_at)
				values (:caller, :key, :hash, :now) on conflict do nothing""")
			.param("caller", caller)
			.param("key", key)
			.param("hash", hash)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private Stored stored(String caller, UUID key) {
		return jdbc.sql("""
				select request_hash, coalesce(status, 409) as status, content_type, location, etag, body
				from idempotent_request where caller = :caller and idempotency_key = :key""")
			.param("caller", caller)
			.param("key", key)
			.query(Stored.class)
			.single();
	}

	private static void proceed(FilterChain chain, HttpServletRequest request, HttpServletResponse response,
			TransactionStatus tx) {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			tx.setRollbackOnly();
			throw new WrappedException(ex);
		}
	}

	/** Whose ledger a key is in: the signed-in user's name (never changed once given), or anonymous. */
	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
	}

	private static Optional<UUID> parse(String value) {
		try {
			return Optional.of(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static byte[] hash(String method, String path, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Carries a checked exception of the filter chain out of the transaction callback. */
	private static final class WrappedException extends RuntimeException {

		WrappedException(Exception cause) {
			super(cause);
		}

		ServletException unwrap() throws IOException {
			if (getCause() instanceof IOException io) {
				throw io;
			}
			if (getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			return (ServletException) getCause();
		}
	}
}
