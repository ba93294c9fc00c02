package app.chorus.decisions.internal;

import java.util.Map;

/**
 * One option: a stable id (what ballots and the RCTab export name) and its label per language ({@code "en"} always).
 */
public record DecisionOption(String id, Map<String, String> label) {

    public DecisionOption {
        label = label == null ? Map.of() : Map.copyOf(label);
    }

    public String label(String language) {
        return label.getOrDefault(language, label.get(Decision.DEFAULT_LANGUAGE));
    }
}
