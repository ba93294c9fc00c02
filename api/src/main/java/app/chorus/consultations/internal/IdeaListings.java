package app.chorus.consultations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A reader's walk through the ideas by support ({@code consultation_idea_listings}, ADR 0325): each page is the best
 * ranked ideas now (support, then id) among those not shown yet, read with a limit, so a page costs one sorted read of
 * a page, never a ranking of every idea stored. A listing that has a next page records the ids it showed; the cursor
 * names it and how many it had shown, so no idea is skipped or repeated while supports keep arriving, and a page asked
 * for again gets the same ideas. Listings expire an hour after they started (a TTL index, swept on the embedded store).
 */
@Component
class IdeaListings {

    static final String COLLECTION = "consultation_idea_listings";
    static final String AT = "at";
    static final Duration KEPT = Duration.ofHours(1);
    private static final Sort BY_SUPPORT = Sort.by(Sort.Order.desc("supports"), Sort.Order.asc("_id"));
    private final ReactiveMongoTemplate mongo;

    IdeaListings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A page of ideas and the cursor to the next one (null at the end); {@code recorded} stores what the listing showed
     * (the cursor is valid once it completes), so the reader's supports can be read meanwhile.
     */
    record Slice(List<Idea> ideas, String next, Mono<Void> recorded) {
        Slice(List<Idea> ideas, String next) {
            this(ideas, next, Mono.empty());
        }
    }

    /** The first page: the {@code size} best ranked of the ideas matching {@code visible}. */
    Mono<Slice> first(Query visible, int size, Instant now) {
        return ranked(visible, List.of(), size).flatMap(ideas -> {
            if (ideas.size() <= size) {
                return Mono.just(new Slice(ideas, null));
            }
            List<Idea> page = ideas.subList(0, size);
            String listingId = "lst-" + new ObjectId().toHexString();
            Document listing = new Document("_id", listingId).append("ids", ids(page)).append(AT, Date.from(now));
            return Mono.just(new Slice(page, listingId + ":" + size, mongo.insert(listing, COLLECTION).then()));
        });
    }

    /** The page after {@code shown} ideas of a listing; empty when the listing is unknown or expired. */
    Mono<Slice> next(String listingId, int shown, Query visible, int size) {
        return mongo.findById(listingId, Document.class, COLLECTION).flatMap(listing -> {
            List<String> ids = listing.getList("ids", String.class);
            if (shown > ids.size()) {
                return Mono.empty();
            }
            if (ids.size() > shown) {
                return again(ids.subList(shown, Math.min(ids.size(), shown + size)), listingId, shown + size);
            }
            return ranked(visible, ids, size).flatMap(ideas -> {
                List<Idea> page = ideas.subList(0, Math.min(size, ideas.size()));
                String next = ideas.size() > size ? listingId + ":" + (shown + size) : null;
                if (next == null) {
                    return Mono.just(new Slice(page, null));
                }
                Query unchanged = Query.query(Criteria.where("_id").is(listingId).and("ids").size(shown));
                return Mono.just(new Slice(page, next,
                    mongo.updateFirst(unchanged, new Update().push("ids").each(ids(page).toArray()), COLLECTION).then()));
            });
        });
    }

    /** A page asked for again: the ideas it showed the first time, with their current counts. */
    private Mono<Slice> again(List<String> ids, String listingId, int shownAfter) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Idea.class).collectMap(Idea::id)
            .map(byId -> new Slice(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), listingId + ":" + shownAfter));
    }

    /** One more than {@code size} of the best ranked visible ideas, leaving out those already shown. */
    private Mono<List<Idea>> ranked(Query visible, List<String> shown, int size) {
        Query query = Query.of(visible).with(BY_SUPPORT).limit(size + 1);
        if (!shown.isEmpty()) {
            query.addCriteria(Criteria.where("_id").nin(shown));
        }
        return mongo.find(query, Idea.class).collectList();
    }

    private static List<String> ids(List<Idea> ideas) {
        return ideas.stream().map(Idea::id).toList();
    }
}
