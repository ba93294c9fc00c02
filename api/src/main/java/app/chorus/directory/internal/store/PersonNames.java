package app.chorus.directory.internal.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person's name is found by (ADR 0327): {@code nameKeys}, the prefixes of each word of the given and family
 * names, folded to lower case without accents, from {@value #SHORTEST} to {@value #LONGEST} letters; and
 * {@code nameSort}, the folded "family given" that search results are ordered by. The store's index serves an
 * equality on {@code nameKeys}, so a search by prefix is one indexed read.
 */
public final class PersonNames {

    public static final String KEYS = "nameKeys";
    public static final String SORT = "nameSort";
    public static final int SHORTEST = 2;
    public static final int LONGEST = 20;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PersonNames() {
    }

    /** Lower case, accents and other marks taken off ("Zoë" and "ZOE" fold alike). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace("ß", "ss");
    }

    /** The folded words of a text (letters and digits; "O'Brien-Smith" is o, brien, smith), each cut at {@link #LONGEST}. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word.length() > LONGEST ? word.substring(0, LONGEST) : word);
            }
        }
        return words;
    }

    /** The keys a name is found by: each word's prefixes, and those of the family name written without separators. */
    public static List<String> keys(String givenName, String familyName) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(words(givenName));
        words.addAll(words(familyName));
        words.add(String.join("", words(familyName)));
        for (String word : words) {
            String cut = word.length() > LONGEST ? word.substring(0, LONGEST) : word;
            for (int end = SHORTEST; end <= cut.length(); end++) {
                keys.add(cut.substring(0, end));
            }
        }
        return new ArrayList<>(keys);
    }

    public static String sortKey(String givenName, String familyName) {
        return fold(familyName).trim() + " " + fold(givenName).trim();
    }
}
