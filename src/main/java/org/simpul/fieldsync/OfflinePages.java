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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages the service worker may keep on the phone for the signed-in user, to open without signal: the home
 * page the app starts on, the outbox, the intake form, "Tugas saya", the home-visit forms for those who visit,
 * and the pages a controller marks as the user's own work ({@link #keep}: a case given to them and its
 * assessment forms). It marks them with {@value #HEADER} and the user's
 * id; every other page (a household's record, the queue) is never kept. Kept pages are dropped at logout and
 * when another user signs in on the same phone.
 */
@Configuration(proxyBeanMethods = false)
public class OfflinePages implements WebMvcConfigurer {

	static final String HEADER = "X-Simpul-Offline";

	/** Kept in step with the service worker's {@code WARM} list. */
	static final Set<String> PATHS = Set.of("/", "/lapangan", "/pengaduan/baru", "/tugas");

	/** The home-visit form of a household, kept for those who visit. */
	static final Pattern VISIT = Pattern.compile("/registri/rumah-tangga/[0-9a-f-]{36}/kunjungan");

	private static final String KEEP = OfflinePages.class.getName() + ".keep";

	/**
	 * Marks the page being answered for the phone's cache of its user: the controller of a page that is part of
	 * the user's own work (a case given to them, its assessment forms) asks for it.
	 */
	public static void keep(HttpServletRequest request) {
		request.setAttribute(KEEP, Boolean.TRUE);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if ("GET".equals(request.getMethod()) && authentication != null
						&& authentication.getPrincipal() instanceof CurrentUser user
						&& (PATHS.contains(path) || Boolean.TRUE.equals(request.getAttribute(KEEP))
								|| VISIT.matcher(path).matches() && user.may(Action.HOUSEHOLD_VISIT))) {
					response.setHeader(HEADER, user.id().toString());
				}
			}
		});
	}
}
