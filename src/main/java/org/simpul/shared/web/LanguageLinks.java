package org.simpul.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The footer's language switch: links to the same page and query with {@code lang} set, so switching
 * keeps the region or search the user was looking at.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

	@ModelAttribute
	void languageLinks(HttpServletRequest request, Model model) {
		if (ApiRequests.isApi(request)) {
			return;
		}
		Map<String, String> links = new LinkedHashMap<>();
		for (Locale language : Languages.SUPPORTED) {
			UriComponents uri = ServletUriComponentsBuilder.fromRequest(request)
				.replaceQueryParam("lang", language.getLanguage())
				.build();
			links.put(language.getLanguage(), uri.getPath() + "?" + uri.getQuery());
		}
		model.addAttribute("languageLinks", links);
	}
}
