package dev.snapotter.control.backup;

import java.util.function.Consumer;

/**
 * What backup and restore need from the managed SnapOtter container: its state, its image and data volume, stop,
 * and start-until-healthy. {@link LifecycleServer} is the real one over {@code ContainerLifecycle}; tests use
 * fakes to drive every failure branch of the restore procedure.
 */
public interface ManagedServer {

    enum State {
        /** No container yet (nothing to stop; the volume may still hold data). */
        ABSENT,
        STOPPED,
        /** Running but not (yet) healthy: the API cannot be trusted to take a backup. */
        RUNNING_UNHEALTHY,
        RUNNING_HEALTHY;

        public boolean running() {
            return this == RUNNING_HEALTHY || this == RUNNING_UNHEALTHY;
        }
    }

    State state();

    /** The image the container runs; the helper container runs the same image, so the same VolumeTool. */
    String image();

    /** The named volume mounted at /data. */
    String dataVolume();

    void stop();

    /** Starts (creating from the spec if needed) and waits until healthy; throws when it never gets there. */
    void startAndWaitHealthy(Consumer<String> progress);
}
