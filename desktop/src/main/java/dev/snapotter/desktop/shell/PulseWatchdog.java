package dev.snapotter.desktop.shell;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without rendering a frame. While running, an AnimationTimer
 * asks for a pulse every frame (~16.7 ms); any longer gap is time the UI was frozen. Only switched
 * on while a batch runs, because it keeps the render loop busy.
 */
public final class PulseWatchdog {

    private static final long FRAME_NANOS = 16_666_667L;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) worstGap = Math.max(worstGap, now - last);
            last = now;
        }
    };
    private long last;
    private long worstGap;

    public void start() {
        last = 0;
        worstGap = 0;
        timer.start();
    }

    /** Stops and returns the longest stall in ms beyond one frame (0 when the UI never missed a frame). */
    public long stop() {
        timer.stop();
        return Math.max(0, worstGap - FRAME_NANOS) / 1_000_000;
    }
}
