package app.chorus.moderation.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the configured concern phrases in a text, whole words only, ignoring case, accents, punctuation and repeated
 * spaces ("Self-harm", "self harm" and "SELF  HARM!" all match "self harm").
 */
final class ConcernPhrases {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final List<String> phrases;

    ConcernPhrases(List<String> configured) {
        this.phrases = configured.stream().map(ConcernPhrases::normalise).filter(phrase -> !phrase.isBlank()).distinct().toList();
    }

    Set<String> foundIn(String text) {
        String haystack = " " + normalise(text == null ? "" : text) + " ";
        Set<String> found = new LinkedHashSet<>();
        for (String phrase : phrases) {
            if (haystack.contains(" " + phrase + " ")) {
                found.add(phrase);
            }
        }
        return found;
    }

    static String normalise(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
