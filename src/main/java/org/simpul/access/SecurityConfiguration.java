package org.simpul.access;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.shared.TooManyRequestsException;
import org.simpul.shared.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the API (bearer tokens, no session, no cookies, so no CSRF), Actuator (health is
 * public, the rest needs an administrator's token), and the pages (form login, session, CSRF on every
 * form). All answers carry the security headers and {@code Cache-Control: no-store}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id with OWASP's minimum (19 MiB, 2 iterations); the prefix lets a later upgrade re-hash.
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
	}

	@Bean
	AuthenticationManager authenticationManager(AccountAuthenticator authenticator) {
		return new ProviderManager(authenticator);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems,
			AuthenticationManager authenticationManager) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**").permitAll()
				.requestMatchers("/api/v1/users", "/api/v1/users/**").hasAnyRole(Action.USER_MANAGE.roleNames())
				.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
				})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						HttpStatus.FORBIDDEN, "problem.forbidden")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.anyRequest().hasAnyRole(Action.OPERATE.roleNames()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						HttpStatus.FORBIDDEN, "problem.forbidden")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, UserAccounts accounts, Clock clock,
			AuthenticationManager authenticationManager, LoginLimiter limiter, SecondFactors factors,
			EndedSessions endedSessions, FormDrafts drafts, ApiTokens tokens, ProblemWriter problems) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
				.requestMatchers("/masuk", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
						"/lisensi-data", "/lacak", "/verifikasi/*", "/verifikasi/pbi/*", "/manifest.json", "/sw.js", "/offline.html", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/pengguna", "/pengguna/**").hasAnyRole(Action.USER_MANAGE.roleNames())
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/masuk")
				.loginProcessingUrl("/masuk")
				// the password is the first step; an enrolled privileged user owes the code, one who must enrol the
				// enrolment (SecondFactorPages), before any other page
				.successHandler((request, response, authentication) -> {
					// the session's lifetime counts from the login (SessionGuardFilter.ABSOLUTE_TIMEOUT)
					request.getSession().setAttribute(SessionGuardFilter.STARTED, clock.instant());
					SecondFactors.State state = factors.state(((CurrentUser) authentication.getPrincipal()).id());
					String next = state.enrolled() ? "CODE" : state.mustEnrol() ? "ENROL" : null;
					if (next != null) {
						request.getSession().setAttribute(SecondFactorPages.PENDING, next);
					}
					response.sendRedirect(request.getContextPath() + (next == null
							? FormDrafts.landing(request.getSession(false)) : next.equals("CODE") ? "/masuk/kode" : "/akun/2fa"));
				})
				.failureHandler((request, response, ex) -> {
					limiter.failed(request.getRemoteAddr());
					response.sendRedirect(request.getContextPath() + "/masuk?gagal");
				}))
			.logout(logout -> logout.logoutUrl("/keluar")
				.logoutSuccessUrl("/masuk?keluar")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("SIMPUL_SESSION")
				// logging out ends the user's API tokens too: none outlives the person's leaving
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
						tokens.revokeAll(user.id());
					}
				})
				// the browser forgets what it kept of the session (sent over HTTPS only, as in production); not its
				// storage, which holds the field app's outbox: the user chose what happens to records still waiting
				// before logging out, and the app dropped the pages it kept (ADR 0011)
				.addLogoutHandler(new HeaderWriterLogoutHandler(
						new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.COOKIES))))
			// a session that ended sends the browser to the login page and keeps a form it posted (EndedSessions)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(endedSessions)
				.accessDeniedHandler(endedSessions))
			.addFilterAfter(new SessionGuardFilter(accounts, clock, drafts, problems), SecurityContextHolderFilter.class)
			.addFilterAfter(new SecondFactorPages.Gate(), SessionGuardFilter.class)
			// a client past its failed logins is turned away before its password is even checked
			.addFilterBefore((servletRequest, servletResponse, chain) -> {
				HttpServletRequest request = (HttpServletRequest) servletRequest;
				if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/masuk").equals(request.getRequestURI())) {
					try {
						limiter.check(request.getRemoteAddr());
					}
					catch (TooManyRequestsException tooMany) {
						((HttpServletResponse) servletResponse)
							.sendRedirect(request.getContextPath() + "/masuk?terlalu-banyak");
						return;
					}
				}
				chain.doFilter(servletRequest, servletResponse);
			}, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
	}
}
