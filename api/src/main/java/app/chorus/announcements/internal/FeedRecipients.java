package app.chorus.announcements.internal;

import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Audience keys and language per person, cached briefly: a feed request must not re-resolve a carer's children,
 * and a roster change shows within {@code chorus.announcements.recipient-cache} (default 30 s).
 */
@Component
class FeedRecipients {

    private static final int MAX_CACHED = 200_000;
    private final AudienceResolver resolver;
    private final DirectoryQueries directory;
    private final long ttlMillis;
    private final String trustLanguage;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    FeedRecipients(AudienceResolver resolver, DirectoryQueries directory,
               @Value("${chorus.announcements.recipient-cache:30s}") Duration ttl,
               @Value("${chorus.announcements.default-language:en}") String trustLanguage) {
        this.resolver = resolver;
        this.directory = directory;
        this.ttlMillis = ttl.toMillis();
        this.trustLanguage = trustLanguage;
    }

    private record Cached(Recipient recipient, long at) {
    }

    Mono<Recipient> of(String personId) {
        Cached cached = cache.get(personId);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.at < ttlMillis) {
            return Mono.just(cached.recipient);
        }
        Mono<String> language = directory.person(personId).mapNotNull(PersonSummary::preferredLanguage)
            .filter(tag -> tag != null && !tag.isBlank()).defaultIfEmpty(trustLanguage);
        return Mono.zip(resolver.keysOf(personId).defaultIfEmpty(java.util.Set.of()), language)
            .map(both -> new Recipient(personId, java.util.Set.copyOf(both.getT1()), both.getT2()))
            .doOnNext(recipient -> remember(personId, recipient, now));
    }

    /** The audience keys of many people in one directory lookup (fresh cache entries are used as they are). */
    Mono<Map<String, Set<String>>> keysOf(Collection<String> personIds) {
        Map<String, Set<String>> keys = new HashMap<>();
        List<String> missing = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String personId : personIds) {
            Cached cached = cache.get(personId);
            if (cached != null && now - cached.at < ttlMillis) {
                keys.put(personId, cached.recipient.keys());
            } else {
                missing.add(personId);
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(keys);
        }
        return resolver.keysOf(missing).map(found -> {
            keys.putAll(found);
            return keys;
        });
    }

    String trustLanguage() {
        return trustLanguage;
    }

    private void remember(String personId, Recipient recipient, long now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(personId, new Cached(recipient, now));
    }
}
