package org.simpul.registry;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every distinct word of the registered names, once, with its phonetic key (table {@code name_word}, kept
 * current by a trigger on {@code person}). A name search widens each searched word here, in a table of
 * thousands of words instead of millions of names, before it looks for persons.
 */
@Component
class NameDictionary {

	/** How alike (trigram similarity) a registered word must be to a searched word to count as a variant. */
	static final double SIMILARITY = 0.4;

	/** At most this many variants per searched word, the most similar first. */
	static final int MAX_VARIANTS = 300;

	private final JdbcClient jdbc;

	NameDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The registered words that {@code word} (one word of a normalised name) may stand for: itself, the words
	 * whose trigrams resemble it (a typo), that sound the same ({@code mohamad}, {@code muhammad}) or, from
	 * three letters on, that begin with it ({@code supra}, {@code suprapto}). Empty when no registered name
	 * has such a word.
	 */
	List<String> similarWords(String word) {
		requireLetters(word);
		String phonetic = IndonesianNames.phonetic(word);
		return jdbc.sql("""
				select word from name_word
				where (word % :word and similarity(word, :word) >= :similarity)
				   or phonetic = :phonetic
				   or (char_length(:word) >= 3 and word like :prefix)
				order by similarity(word, :word) desc, word
				limit :limit""")
			.param("word", word)
			.param("similarity", SIMILARITY)
			.param("phonetic", phonetic)
			.param("prefix", word + "%")
			.param("limit", MAX_VARIANTS)
			.query(String.class)
			.list();
	}

	/**
	 * {@code words} as an SQL array literal, {@code '{a,b}'::text[]}, to be written into a query so that the
	 * planner sees the words. Safe because every word holds only the letters a to z (checked here).
	 */
	static String arrayLiteral(List<String> words) {
		words.forEach(NameDictionary::requireLetters);
		return words.stream().collect(Collectors.joining(",", "'{", "}'::text[]"));
	}

	private static void requireLetters(String word) {
		if (word.isEmpty() || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
			throw new IllegalArgumentException("A name word holds only the letters a to z");
		}
	}
}
