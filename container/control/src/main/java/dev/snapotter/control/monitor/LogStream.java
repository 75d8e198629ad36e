package dev.snapotter.control.monitor;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An open log stream: frames in, {@link LogLine}s out. Close it when the view goes away; a follow stream holds
 * a pooled connection until closed. {@code onComplete} calls super, or {@code awaitCompletion} would hang
 * (docker-java #900).
 */
public final class LogStream implements AutoCloseable {

    private final Callback callback;
    private StreamRegistry.Registration registration;

    LogStream(boolean timestamps, Consumer<LogLine> sink) {
        this.callback = new Callback(new LineAssembler(timestamps, sink));
    }

    ResultCallback.Adapter<Frame> callback() {
        return callback;
    }

    void registered(StreamRegistry.Registration value) {
        registration = value;
    }

    /** Blocks until a non-follow stream has delivered everything (or the timeout passed). */
    public boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
        return callback.awaitCompletion(timeout, unit);
    }

    @Override
    public void close() {
        registration.close();
    }

    private static final class Callback extends ResultCallback.Adapter<Frame> {
        private final LineAssembler lines;

        Callback(LineAssembler lines) {
            this.lines = lines;
        }

        @Override
        public void onNext(Frame frame) {
            LogLine.Source source = frame.getStreamType() == StreamType.STDERR
                    ? LogLine.Source.STDERR : LogLine.Source.STDOUT;
            synchronized (lines) {
                lines.accept(source, frame.getPayload());
            }
        }

        @Override
        public void onComplete() {
            synchronized (lines) {
                lines.flush();
            }
            super.onComplete();
        }
    }
}
