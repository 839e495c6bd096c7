package org.simpul.e2e;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: the application's port, a fresh {@link Phone} per test (closed after it),
 * its page and the console problems it collected.
 */
abstract class PhoneTest {

	@LocalServerPort
	int port;

	Phone phone;

	Page page;

	List<String> consoleProblems;

	@BeforeEach
	void openPhone() {
		phone = new Phone();
		page = phone.page;
		consoleProblems = phone.consoleProblems;
	}

	@AfterEach
	void closePhone() {
		if (phone != null) {
			phone.close();
		}
	}
}
