package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.simpul.shared.web.SafeTraces;

class SafeTracesTests {

	@Test
	void keepsTypesAndFramesButNoMessages() {
		Exception error = new IllegalStateException("outer",
				new RuntimeException("Failing row contains (3328105505800003, Siti Aminah)"));
		String trace = SafeTraces.of(error);
		assertThat(trace).contains("java.lang.IllegalStateException", "Caused by: java.lang.RuntimeException",
				"SafeTracesTests.keepsTypesAndFramesButNoMessages")
			.doesNotContain("3328105505800003")
			.doesNotContain("Siti")
			.doesNotContain("outer");
	}
}
