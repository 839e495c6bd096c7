package org.simpul.access;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for fifteen minutes, or 401 (same lockout as the login page). */
@RestController
class TokenController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final ProblemWriter problems;

	private final LoginLimiter limiter;

	private final SecondFactors factors;

	TokenController(AuthenticationManager authentication, ApiTokens tokens, ProblemWriter problems,
			LoginLimiter limiter, SecondFactors factors) {
		this.factors = factors;
		this.limiter = limiter;
		this.authentication = authentication;
		this.tokens = tokens;
		this.problems = problems;
	}

	record TokenRequest(String username, String password, String totp) {
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	/** The bearer token of this request ends: {@code 204}, and it answers {@code 401} everywhere after. */
	@PostMapping("/api/v1/auth/token/revoke")
	ResponseEntity<Void> revoke(HttpServletRequest http) {
		String header = http.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
		// the security chain let the request in only with a valid bearer token
		tokens.revoke(header.substring("Bearer ".length()).strip());
		org.slf4j.LoggerFactory.getLogger(TokenController.class).info("SECURITY token-revoked account={}",
				((CurrentUser) org.springframework.security.core.context.SecurityContextHolder.getContext()
					.getAuthentication().getPrincipal()).id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<?> token(@RequestBody TokenRequest request, HttpServletRequest http) {
		if (request.username() == null || request.username().isBlank() || request.password() == null
				|| request.password().isEmpty()) {
			ProblemDetail problem = problems.problem(http, HttpStatus.BAD_REQUEST, "problem.validation",
					List.of(FieldProblem.of(request.username() == null || request.username().isBlank() ? "username"
							: "password", "REQUIRED")));
			return ResponseEntity.badRequest().body(problem);
		}
		limiter.check(http.getRemoteAddr());
		try {
			Authentication result = authentication
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
			CurrentUser user = (CurrentUser) result.getPrincipal();
			SecondFactors.State state = factors.state(user.id());
			// a privileged account that has not set up its authenticator gets no token on the password alone:
			// the API is no way around the enrolment the pages force (ASVS V6.3.4)
			if (state.mustEnrol()) {
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header("WWW-Authenticate", "Bearer")
					.body(problems.problem(http, HttpStatus.UNAUTHORIZED, "problem.totpEnrolment",
							List.of(FieldProblem.of("totp", "TOTP_ENROLMENT_REQUIRED"))));
			}
			// an enrolled user's token needs the authenticator's current code too ({@code "totp"})
			if (state.enrolled() && !factors.verify(user.id(), request.totp())) {
				limiter.failed(http.getRemoteAddr());
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header("WWW-Authenticate", "Bearer")
					.body(problems.problem(http, HttpStatus.UNAUTHORIZED, "problem.totp",
							List.of(FieldProblem.of("totp", request.totp() == null ? "REQUIRED" : "TOTP_INVALID"))));
			}
			ApiTokens.IssuedToken token = tokens.issue(user.id());
			return ResponseEntity.ok(new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds()));
		}
		catch (AuthenticationException ex) {
			limiter.failed(http.getRemoteAddr());
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header("WWW-Authenticate", "Bearer")
				.body(problems.problem(http, HttpStatus.UNAUTHORIZED, "problem.badCredentials", List.of()));
		}
	}
}
