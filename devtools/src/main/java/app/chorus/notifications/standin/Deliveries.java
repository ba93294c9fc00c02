package app.chorus.notifications.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the stand-in accepted, per token: how many messages, and how many times each collapse id arrived.
 * A repeat with the same collapse id is one notification on the phone (a raw repeat); a repeat with another
 * collapse id would be seen twice: messages without a collapse id count as visible repeats.
 */
public final class Deliveries {

    private static final int RECENT = 1000;
    private final Map<String, TokenInbox> inboxes = new ConcurrentHashMap<>();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicReferenceArray<Push> recent = new AtomicReferenceArray<>(RECENT);
    private volatile Instant lastAcceptedAt;

    /** One push as the phone would show it. */
    public record Push(String token, String collapseId, String title, String body, Instant at) {
    }

    private static final class TokenInbox {
        final Map<String, Integer> byCollapseId = new LinkedHashMap<>();
        int total;
        Push last;
    }

    long accept(String token, String collapseId, String title, String body) {
        Push push = new Push(token, collapseId, title, body, Instant.now());
        TokenInbox inbox = inboxes.computeIfAbsent(token, key -> new TokenInbox());
        synchronized (inbox) {
            inbox.total++;
            inbox.byCollapseId.merge(collapseId, 1, Integer::sum);
            inbox.last = push;
        }
        long id = accepted.incrementAndGet();
        recent.set((int) (id % RECENT), push);
        lastAcceptedAt = push.at();
        return id;
    }

    void fault(String code) {
        faults.computeIfAbsent(code, key -> new AtomicLong()).incrementAndGet();
    }

    void unregister(String token) {
        unregistered.add(token);
    }

    boolean isUnregistered(String token) {
        return token.startsWith("unregistered-") || unregistered.contains(token);
    }

    public void reset() {
        inboxes.clear();
        faults.clear();
        accepted.set(0);
        for (int i = 0; i < RECENT; i++) {
            recent.set(i, null);
        }
        lastAcceptedAt = null;
    }

    public long accepted() {
        return accepted.get();
    }

    public Instant lastAcceptedAt() {
        return lastAcceptedAt;
    }

    /** Messages this token accepted, in all. */
    public int received(String token) {
        TokenInbox inbox = inboxes.get(token);
        if (inbox == null) {
            return 0;
        }
        synchronized (inbox) {
            return inbox.total;
        }
    }

    /** Messages this token accepted whose collapse id contains the given part (one message's pushes). */
    public int received(String token, String collapseIdPart) {
        TokenInbox inbox = inboxes.get(token);
        if (inbox == null) {
            return 0;
        }
        synchronized (inbox) {
            return inbox.byCollapseId.entrySet().stream().filter(entry -> entry.getKey().contains(collapseIdPart))
                .mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** The last push this token accepted, or null. */
    public Push lastPush(String token) {
        TokenInbox inbox = inboxes.get(token);
        if (inbox == null) {
            return null;
        }
        synchronized (inbox) {
            return inbox.last;
        }
    }

    public long faults(String code) {
        AtomicLong count = faults.get(code);
        return count == null ? 0 : count.get();
    }

    /** Totals: accepted, distinct tokens, raw repeats (same collapse id again), visible repeats. */
    public Map<String, Object> counts() {
        long rawRepeats = 0;
        long visibleRepeats = 0;
        for (TokenInbox inbox : inboxes.values()) {
            synchronized (inbox) {
                for (Map.Entry<String, Integer> entry : inbox.byCollapseId.entrySet()) {
                    rawRepeats += entry.getValue() - 1;
                    if (entry.getKey().isEmpty()) {
                        visibleRepeats += entry.getValue() - 1;
                    }
                }
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("accepted", accepted.get());
        counts.put("tokens", inboxes.size());
        counts.put("rawRepeats", rawRepeats);
        counts.put("visibleRepeats", visibleRepeats);
        counts.put("faults", Map.copyOf(faults));
        counts.put("lastAcceptedAt", lastAcceptedAt == null ? null : lastAcceptedAt.toString());
        return counts;
    }

    /** The most recent pushes, newest first. */
    public List<Push> latest(int limit) {
        List<Push> pushes = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            Push push = recent.get(i);
            if (push != null) {
                pushes.add(push);
            }
        }
        pushes.sort((a, b) -> b.at().compareTo(a.at()));
        return pushes.subList(0, Math.min(limit, pushes.size()));
    }
}
