package dev.snapotter.desktop.task;

/** A submitted task or scheduled action; cancelling is idempotent and never throws. */
public interface TaskHandle {

    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void cancel();

    boolean isCancelled();
}
