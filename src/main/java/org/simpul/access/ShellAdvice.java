package org.simpul.access;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.shared.web.ApiRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user and the name of their territory for the header, and the navigation:
 * the {@link NavigationEntry} beans the modules contribute, in their order, those the user may use. The
 * shell's own entries are the ones every module's user needs (home, the regions, the accounts).
 */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

	private final AccessControl access;

	private final RegionCatalog regions;

	private final List<NavigationEntry> navigation;

	ShellAdvice(AccessControl access, RegionCatalog regions, List<NavigationEntry> navigation) {
		this.access = access;
		this.regions = regions;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
	}

	@ModelAttribute
	void shell(HttpServletRequest request, Model model) {
		if (ApiRequests.isApi(request)) {
			return;
		}
		access.currentUser().ifPresent(user -> {
			model.addAttribute("me", user);
			model.addAttribute("territoryName", user.territory()
				.regionCode()
				.flatMap(regions::find)
				.map(Region::name)
				.orElse("Indonesia"));
			model.addAttribute("mayManageUsers", user.role().managesUsers());
			model.addAttribute("navigation", navigation.stream().filter(entry -> entry.shownTo().test(user)).toList());
		});
	}

	/** The entries of the shell itself. */
	@Configuration(proxyBeanMethods = false)
	static class ShellNavigation {

		@Bean
		NavigationEntry homeEntry() {
			return NavigationEntry.forEveryone(0, "/", "nav.home");
		}

		@Bean
		NavigationEntry regionsEntry() {
			return NavigationEntry.forEveryone(60, "/wilayah", "nav.regions");
		}

		@Bean
		NavigationEntry usersEntry() {
			return NavigationEntry.forAction(90, "/pengguna", "nav.users", Action.USER_MANAGE);
		}
	}
}
