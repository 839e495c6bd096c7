package org.simpul.fieldsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service worker, served at the root ({@code /sw.js}) so that its scope is every page. Its version is a
 * digest of itself and of every file of the shell it keeps: a deployment that changes any of them is a new
 * service worker, which the phones install beside the old one; the outbox, in IndexedDB, is never the service
 * worker's to touch. The script is never kept by HTTP caches ({@code no-cache}), so a phone learns of a new
 * version the next time it has signal.
 */
@RestController
class ServiceWorkerScript {

	/** What the shell holds: every page's style and scripts, the icons, the page shown offline. */
	static final List<String> SHELL = List.of("/css/simpul.css", "/js/simpul.js", "/js/field.js",
			"/js/assessment.js", "/webjars/htmx.org/dist/htmx.min.js", "/img/simpul.svg", "/img/icon-192.png",
			"/img/icon-512.png", "/manifest.json", "/offline.html");

	private static final String HTMX = "META-INF/resources/webjars/htmx.org/%s/dist/htmx.min.js";

	private final String script;

	private volatile String version;

	ServiceWorkerScript() {
		this.script = read("fieldsync/sw.js");
		this.version = digest();
	}

	@GetMapping(path = "/sw.js", produces = "text/javascript")
	ResponseEntity<String> serviceWorker() {
		String shell = SHELL.stream().map(path -> "\"" + path + "\"").collect(Collectors.joining(", "));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.header("Service-Worker-Allowed", "/")
			.body(script.replace("__VERSION__", version).replace("\"__SHELL__\"", shell));
	}

	/** The version the phones see: changes with the script or any file of the shell. */
	String version() {
		return version;
	}

	private String digest() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(script.getBytes(StandardCharsets.UTF_8));
			for (String path : SHELL) {
				String resource = path.startsWith("/webjars/htmx.org/") ? HTMX.formatted(htmxVersion())
						: "static" + path;
				digest.update(read(resource).getBytes(StandardCharsets.ISO_8859_1));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String htmxVersion() {
		try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")
			.getInputStream()) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The field app's " + resource + " is missing", ex);
		}
	}
}
