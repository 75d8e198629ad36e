package dev.snapotter.desktop.task;

import dev.snapotter.desktop.support.Recorder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TaskExecutorTest {

    /** A UI thread stand-in: one named thread that runs callbacks in order. */
    private static final class SingleThreadUi implements UiThread {
        private final java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

        @Override
        public void run(Runnable action) {
            ui.execute(action);
        }

        @Override
        public boolean isUiThread() {
            return Thread.currentThread().getName().equals("test-ui");
        }
    }

    @Test
    void failureWithoutHandlerReachesTheErrorSink() {
        Recorder sink = new Recorder();
        try (DirectTaskExecutor ex = new DirectTaskExecutor(sink)) {
            ex.execute(Lane.IO, BackgroundTask.of("boom", ctx -> {
                throw new IllegalStateException("disk on fire");
            }));
        }
        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("disk on fire");
    }

    @Test
    void failureWithHandlerGoesToTheHandlerAndFinallyRuns() {
        Recorder sink = new Recorder();
        List<String> events = new ArrayList<>();
        try (DirectTaskExecutor ex = new DirectTaskExecutor(sink)) {
            ex.execute(Lane.IO, BackgroundTask.of("boom", ctx -> {
                        throw new IllegalStateException("x");
                    })
                    .onSuccess(v -> events.add("success"))
                    .onFailure(e -> events.add("failure " + e.getMessage()))
                    .onFinally(() -> events.add("finally")));
        }
        assertThat(events).containsExactly("failure x", "finally");
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void anExceptionInACallbackIsReportedNotSwallowed() {
        Recorder sink = new Recorder();
        try (DirectTaskExecutor ex = new DirectTaskExecutor(sink)) {
            ex.execute(Lane.IO, BackgroundTask.of("ok", ctx -> 1).onSuccess(v -> {
                throw new IllegalArgumentException("bad callback");
            }));
        }
        assertThat(sink.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("bad callback");
    }

    @Test
    void callbacksRunOnTheUiThreadAndWorkOnANamedLane() throws Exception {
        Recorder sink = new Recorder();
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (LaneTaskExecutor ex = new LaneTaskExecutor(new SingleThreadUi(), sink)) {
            ex.execute(Lane.THUMBNAIL, BackgroundTask.of("t", ctx -> {
                workThread.set(Thread.currentThread().getName());
                return 42;
            }).onSuccess(v -> callbackThread.set(Thread.currentThread().getName())).onFinally(done::countDown));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(workThread.get()).startsWith("snapotter-thumbnail-");
        assertThat(callbackThread.get()).isEqualTo("test-ui");
    }

    @Test
    void cancellingARunningTaskInterruptsItAndCallsOnCancelled() throws Exception {
        Recorder sink = new Recorder();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        try (LaneTaskExecutor ex = new LaneTaskExecutor(new SingleThreadUi(), sink)) {
            TaskHandle h = ex.execute(Lane.BATCH, BackgroundTask.of("sleepy", ctx -> {
                        started.countDown();
                        Thread.sleep(30_000);
                        return 1;
                    })
                    .onSuccess(v -> events.add("success"))
                    .onCancelled(() -> events.add("cancelled"))
                    .onFinally(() -> events.add("finally")));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            h.cancel();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("finally"));
        }
        assertThat(events).containsExactly("cancelled", "finally");
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void scheduledActionsCanBeCancelledBeforeTheyFire() {
        try (DirectTaskExecutor ex = new DirectTaskExecutor(new Recorder())) {
            List<String> fired = new ArrayList<>();
            TaskHandle first = ex.schedule(Duration.ofMillis(100), () -> fired.add("first"));
            ex.schedule(Duration.ofMillis(100), () -> fired.add("second"));
            first.cancel();
            assertThat(ex.runScheduled()).isEqualTo(1);
            assertThat(fired).containsExactly("second");
        }
    }
}
