package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How Ctrl-C reaches a running batch. The JVM turns SIGINT into a shutdown; a shutdown hook
 * cancels the batch's token and holds the shutdown until the batch has stopped (running files
 * stop at their next check, their temp files are removed, nothing partial is left) and the
 * summary is printed. The JVM then exits with 130.
 */
@FunctionalInterface
public interface InterruptHook {

    /** Tests and embedders that handle interrupts themselves. */
    InterruptHook NONE = token -> () -> { };

    /** Arranges for {@code token} to be cancelled on Ctrl-C until the registration is closed. */
    Registration install(CancellationToken token);

    /** Closed when the batch is over and its summary printed. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    static InterruptHook shutdownHook() {
        return ShutdownHookRegistration::new;
    }

    /** The real thing: a JVM shutdown hook alive for the duration of one batch. */
    final class ShutdownHookRegistration implements Registration {

        private static final Logger LOG = LoggerFactory.getLogger(ShutdownHookRegistration.class);
        /** Long enough for a file in flight to reach its next cancellation check; a second Ctrl-C does not help, a kill -9 would. */
        private static final long MAX_WAIT_SECONDS = 30;

        private final CountDownLatch batchOver = new CountDownLatch(1);
        private final Thread hook;

        ShutdownHookRegistration(CancellationToken token) {
            this.hook = new Thread(() -> {
                token.cancel();
                try {
                    if (!batchOver.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        LOG.warn("batch did not stop within {} s after Ctrl-C; exiting anyway", MAX_WAIT_SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "snapotter-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void close() {
            batchOver.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and now returns; the JVM exits with 130.
            }
        }
    }
}
