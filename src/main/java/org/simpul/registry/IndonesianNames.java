package org.simpul.registry;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Keys that let a name be found whatever its spelling: {@link #normalise} maps the old spellings (Van
 * Ophuijsen and Soewandi: {@code oe}→{@code u}, {@code dj}→{@code j}, {@code tj}→{@code c}, {@code nj}→{@code ny},
 * {@code sj}→{@code sy}, {@code ch}→{@code kh}) to today's, for trigram search that also forgives typos;
 * {@link #phonetic} keeps a word's first letter and its consonant skeleton, with letters that sound alike
 * merged, so that {@code Muhammad}, {@code Mohamad} and {@code Mochammad} share one key.
 */
public final class IndonesianNames {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private IndonesianNames() {
	}

	/** Lower case, no accents or punctuation, single spaces, old spellings in today's form. */
	public static String normalise(String name) {
		if (name == null) {
			return "";
		}
		String text = name;
		if (!text.chars().allMatch(c -> c < 128)) {
			text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		}
		// one pass (this runs for every row of an import): letters kept in lower case, '-' '.' and spaces as
		// one space, apostrophes and everything else dropped
		StringBuilder letters = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			if (c >= 'a' && c <= 'z') {
				if (space && letters.length() > 0) {
					letters.append(' ');
				}
				space = false;
				letters.append(c);
			}
			else if (c == ' ' || c == '-' || c == '.' || Character.isWhitespace(c)) {
				space = true;
			}
		}
		String plain = letters.toString();
		return plain.replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("nj", "ny").replace("sj", "sy")
			.replace("ch", "kh");
	}

	/** The consonant skeleton of each word of the normalised name, joined by spaces. */
	public static String phonetic(String name) {
		StringBuilder key = new StringBuilder();
		for (String word : normalise(name).split(" ")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!key.isEmpty()) {
				key.append(' ');
			}
			key.append(word(word));
		}
		return key.toString();
	}

	private static String word(String word) {
		String w = word.replace("kh", "h").replace("ph", "f").replace("th", "t").replace("dh", "d").replace("sy", "s")
			.replace("ny", "n").replace("ng", "n").replace('q', 'k').replace('v', 'f').replace('z', 'j')
			.replace('x', 's');
		StringBuilder skeleton = new StringBuilder();
		char first = w.charAt(0);
		skeleton.append(isVowel(first) || first == 'y' || first == 'w' ? 'a' : first);
		char previous = skeleton.charAt(0);
		for (int i = 1; i < w.length(); i++) {
			char c = w.charAt(i);
			if (isVowel(c) || c == 'y' || c == 'w') {
				previous = c;
				continue;
			}
			if (c == 'h' && (i == w.length() - 1 || !isVowel(w.charAt(i + 1)))) {
				continue; // a closing or silent h: Aminah = Amina, Rahmat = Ramat
			}
			if (c != previous) {
				skeleton.append(c);
			}
			previous = c;
		}
		return skeleton.toString();
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}
}
