package app.chorus.announcements.internal;

import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final String trustLanguage;
    private final Cache<String, Recipient> cache;

    FeedRecipients(AudienceResolver resolver, DirectoryQueries directory,
               @Value("${chorus.announcements.recipient-cache:30s}") Duration ttl,
               @Value("${chorus.announcements.default-language:en}") String trustLanguage) {
        this.resolver = resolver;
        this.directory = directory;
        this.trustLanguage = trustLanguage;
        this.cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(ttl).build();
    }

    Mono<Recipient> of(String personId) {
        Recipient cached = cache.getIfPresent(personId);
        if (cached != null) {
            return Mono.just(cached);
        }
        Mono<String> language = directory.person(personId).mapNotNull(PersonSummary::preferredLanguage)
            .filter(tag -> tag != null && !tag.isBlank()).defaultIfEmpty(trustLanguage);
        return Mono.zip(resolver.keysOf(personId).defaultIfEmpty(java.util.Set.of()), language)
            .map(both -> new Recipient(personId, java.util.Set.copyOf(both.getT1()), both.getT2()))
            .doOnNext(recipient -> cache.put(personId, recipient));
    }

    /** The audience keys of many people in one directory lookup (fresh cache entries are used as they are). */
    Mono<Map<String, Set<String>>> keysOf(Collection<String> personIds) {
        Map<String, Set<String>> keys = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String personId : personIds) {
            Recipient cached = cache.getIfPresent(personId);
            if (cached != null) {
                keys.put(personId, cached.keys());
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
}
