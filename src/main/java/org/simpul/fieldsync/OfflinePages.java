package org.simpul.fieldsync;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages the service worker may keep on the phone for the signed-in user, to open without signal: the home
 * page the app starts on, the outbox, the intake form, "Tugas saya" and, for those who take cases, the
 * caseload's case pages and assessment forms. It marks them with {@value #HEADER} and the user's
 * id; every other page (a household's record, the queue) is never kept. Kept pages are dropped at logout and
 * when another user signs in on the same phone.
 */
@Configuration(proxyBeanMethods = false)
class OfflinePages implements WebMvcConfigurer {

	static final String HEADER = "X-Simpul-Offline";

	/** Kept in step with the service worker's {@code WARM} list. */
	static final Set<String> PATHS = Set.of("/", "/lapangan", "/pengaduan/baru", "/tugas");

	/**
	 * The caseload's pages, kept for those who take cases to the family's door (a facilitator, a back-office
	 * officer): the case with its household, and its assessment forms. "Tugas saya" asks for them to be kept.
	 */
	static final Pattern CASELOAD = Pattern.compile("/pengaduan/[0-9a-f-]{36}/(kasus|asesmen/baru)");

	/** The home-visit form of a household, kept for those who visit. */
	static final Pattern VISIT = Pattern.compile("/registri/rumah-tangga/[0-9a-f-]{36}/kunjungan");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if ("GET".equals(request.getMethod()) && authentication != null
						&& authentication.getPrincipal() instanceof CurrentUser user
						&& (PATHS.contains(path) || CASELOAD.matcher(path).matches() && user.may(Action.CASE_TAKE)
								|| VISIT.matcher(path).matches() && user.may(Action.HOUSEHOLD_VISIT))) {
					response.setHeader(HEADER, user.id().toString());
				}
				return true;
			}
		});
	}
}
