package app.chorus.announcements.internal;

import app.chorus.announcements.FeedNotice;
import app.chorus.announcements.FeedNotices;
import app.chorus.announcements.Priority;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Writes notices as feed entries of their own (no announcement behind them), so feeds and delta sync carry them. */
@Service
class FeedNoticeWriter implements FeedNotices {

    private final FeedStore feed;
    private final ChangeSequence sequence;
    private final org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    FeedNoticeWriter(FeedStore feed, ChangeSequence sequence, org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo) {
        this.feed = feed;
        this.sequence = sequence;
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> post(FeedNotice notice) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(notice.id())), FeedEntry.class)
            .flatMap(exists -> exists ? Mono.empty() : sequence.next().flatMap(seq -> feed.write(entryOf(notice, seq, Instant.now()))))
            .then();
    }

    private static FeedEntry entryOf(FeedNotice notice, long seq, Instant now) {
        Map<String, Content> translations = new LinkedHashMap<>();
        notice.titles().forEach((language, title) -> {
            String summary = notice.summaries().getOrDefault(language, notice.summaries().getOrDefault(notice.defaultLanguage(), ""));
            translations.put(language, new Content(title, summary, "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(summary) + "</p>", summary));
        });
        return new FeedEntry(notice.id(), notice.id(), notice.schoolId(), List.copyOf(notice.audience().keys()), notice.at(), notice.at(),
            now, null, seq, false, 1, false, Priority.NORMAL, false, null, notice.defaultLanguage(), translations, null,
            List.of(new Link(notice.linkTitle(), notice.link())), List.of(), null, null, null, null);
    }
}
