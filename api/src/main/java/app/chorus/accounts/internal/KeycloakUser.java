package app.chorus.accounts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Keycloak user as the admin API represents it, kept whole so that an update sends back what it read. */
record KeycloakUser(Map<String, Object> representation) {

    static final String SOURCED_ID = "sourcedId";

    String id() {
        return (String) representation.get("id");
    }

    boolean enabled() {
        return Boolean.TRUE.equals(representation.get("enabled"));
    }

    @SuppressWarnings("unchecked")
    String sourcedId() {
        Object attributes = representation.get("attributes");
        if (attributes instanceof Map<?, ?> map && map.get(SOURCED_ID) instanceof List<?> values && !values.isEmpty()) {
            return (String) values.get(0);
        }
        return null;
    }

    KeycloakUser withEnabled(boolean enabled) {
        Map<String, Object> copy = new LinkedHashMap<>(representation);
        copy.put("enabled", enabled);
        return new KeycloakUser(copy);
    }

    @SuppressWarnings("unchecked")
    KeycloakUser withSourcedId(String sourcedId) {
        Map<String, Object> copy = new LinkedHashMap<>(representation);
        Map<String, Object> attributes = representation.get("attributes") instanceof Map<?, ?> map
            ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        attributes.put(SOURCED_ID, List.of(sourcedId));
        copy.put("attributes", attributes);
        return new KeycloakUser(copy);
    }
}
