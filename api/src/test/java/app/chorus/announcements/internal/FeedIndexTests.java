package app.chorus.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.announcements.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedIndexTests {

    private static final Instant T = Instant.parse("2026-11-24T09:00:00Z");

    private static FeedEntry entry(String id, String announcementId, int minutes, long seq, String... keys) {
        return new FeedEntry(id, announcementId, null, List.of(keys), T.plusSeconds(60L * minutes), T, T, null, seq, false, 1, false,
            Priority.NORMAL, false, null, "en", Map.of("en", new Content("t", "b", "b", "b")), null, List.of(), List.of(), null, null, null, null);
    }

    private static List<String> walk(FeedIndex index, List<String> keys, FeedIndex.FeedCursor after) {
        List<String> seen = new ArrayList<>();
        index.walk(keys, after, entry -> seen.add(entry.id()));
        return seen;
    }

    @Test
    void mergesAPersonsKeysNewestFirstAndShowsAnEntryReachingSeveralKeysOnce() {
        FeedIndex index = new FeedIndex();
        index.put(entry("a", "a", 1, 1, "school:s1/carers"));
        index.put(entry("b", "b", 3, 2, "trust/carers", "school:s1/carers"));
        index.put(entry("c", "c", 2, 3, "school:s2/carers"));
        index.put(entry("d", "d", 4, 4, "school:s3/carers"));

        assertThat(walk(index, List.of("school:s1/carers", "school:s2/carers", "trust/carers"), null)).containsExactly("b", "c", "a");
    }

    @Test
    void keepsEditionsOfOneAnnouncementTogetherAndResumesAfterTheCursor() {
        FeedIndex index = new FeedIndex();
        index.put(entry("x@s1", "x", 5, 1, "school:s1/carers"));
        index.put(entry("x@s2", "x", 5, 2, "school:s2/carers"));
        index.put(entry("y", "y", 4, 3, "school:s1/carers"));
        List<String> keys = List.of("school:s1/carers", "school:s2/carers");

        assertThat(walk(index, keys, null)).containsExactly("x@s1", "x@s2", "y");
        assertThat(walk(index, keys, new FeedIndex.FeedCursor(T.plusSeconds(300), "x"))).containsExactly("y");
    }

    @Test
    void anEditReplacesTheEntryButAnOlderCopyLoadedLaterDoesNot() {
        FeedIndex index = new FeedIndex();
        index.put(entry("a", "a", 1, 5, "k"));
        index.put(entry("a", "a", 1, 9, "k2"));
        index.put(entry("a", "a", 1, 5, "k"));

        assertThat(walk(index, List.of("k"), null)).isEmpty();
        assertThat(walk(index, List.of("k2"), null)).containsExactly("a");
    }
}
