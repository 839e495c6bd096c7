package org.simpul.access;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security processes the form itself. */
@Controller
class LoginController {

	@GetMapping("/masuk")
	String login() {
		return "access/login";
	}
}
