package org.simpul.registry;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixture: fresh valid NIK and KK numbers (unique within a test run) for a district and a date. */
public final class TestIdentifiers {

	private static final AtomicInteger SERIAL = new AtomicInteger(1000);

	private TestIdentifiers() {
	}

	public static String nik(String district, LocalDate birthDate, Sex sex) {
		int day = birthDate.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
		return district.replace(".", "") + "%02d%02d%02d%04d".formatted(day, birthDate.getMonthValue(),
				birthDate.getYear() % 100, SERIAL.incrementAndGet());
	}

	public static String kk(String district) {
		return district.replace(".", "") + "120315" + "%04d".formatted(SERIAL.incrementAndGet());
	}
}
