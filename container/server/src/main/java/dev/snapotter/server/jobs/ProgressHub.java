package dev.snapotter.server.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Live progress events per job, fanned out to SSE subscribers. The latest event of each job is kept
 * so a late subscriber (or a reconnect) gets the current state at once; terminal events are kept for
 * {@link #RETAIN_MS} and at most {@link #MAX_RETAINED} jobs.
 */
public final class ProgressHub {

    public static final long RETAIN_MS = 120_000;
    public static final int MAX_RETAINED = 10_000;
    /** Pushed to subscribers to end their stream (shutdown). */
    public static final Map<String, Object> END = Map.of("type", "end");

    private record Last(Map<String, Object> event, long at, boolean terminal) {
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final Map<String, Set<BlockingQueue<Map<String, Object>>>> subscribers = new ConcurrentHashMap<>();

    public void publish(String jobId, Map<String, Object> event, boolean terminal) {
        last.put(jobId, new Last(event, System.currentTimeMillis(), terminal));
        Set<BlockingQueue<Map<String, Object>>> subs = subscribers.get(jobId);
        if (subs != null) subs.forEach(q -> q.offer(event));
        if (last.size() > MAX_RETAINED) evict();
    }

    /** Subscribes; the queue first receives the latest known event, if any. */
    public BlockingQueue<Map<String, Object>> subscribe(String jobId) {
        BlockingQueue<Map<String, Object>> q = new LinkedBlockingQueue<>();
        subscribers.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(q);
        Last l = last.get(jobId);
        if (l != null) q.offer(l.event);
        return q;
    }

    public void unsubscribe(String jobId, BlockingQueue<Map<String, Object>> q) {
        subscribers.computeIfPresent(jobId, (k, set) -> {
            set.remove(q);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean isTerminal(Map<String, Object> event) {
        Object phase = event.get("phase");
        Object status = event.get("status");
        return "complete".equals(phase) || "failed".equals(phase) || "completed".equals(status) || "failed".equals(status) || event == END;
    }

    /** Ends every open stream (shutdown). */
    public void closeAll() {
        subscribers.values().forEach(set -> set.forEach(q -> q.offer(END)));
    }

    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    /** Forgets terminal events older than the retention window. */
    public void evict() {
        long cutoff = System.currentTimeMillis() - RETAIN_MS;
        last.entrySet().removeIf(e -> e.getValue().terminal && e.getValue().at < cutoff);
        if (last.size() > MAX_RETAINED) {
            last.entrySet().stream().filter(e -> e.getValue().terminal).sorted((a, b) -> Long.compare(a.getValue().at, b.getValue().at))
                    .limit(last.size() - MAX_RETAINED).map(Map.Entry::getKey).toList().forEach(last::remove);
        }
    }
}
