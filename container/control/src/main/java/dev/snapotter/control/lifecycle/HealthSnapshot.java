package dev.snapotter.control.lifecycle;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.List;
import java.util.Optional;

/**
 * The container's state and health as seen by one inspect: enough to decide "healthy / failed / still going" and
 * to show the last probe outputs. {@link #progressKey()} changes whenever anything observable changed.
 *
 * @param health "starting", "healthy", "unhealthy", or "none" when the container has no healthcheck
 */
public record HealthSnapshot(String status, boolean running, boolean restarting, boolean oomKilled, long exitCode,
                             int restartCount, String health, int failingStreak, List<ProbeResult> probes) {

    public HealthSnapshot {
        probes = List.copyOf(probes);
    }

    public static HealthSnapshot of(InspectContainerResponse inspect) {
        InspectContainerResponse.ContainerState state = inspect.getState();
        HealthState h = state.getHealth();
        List<ProbeResult> probes = h == null || h.getLog() == null ? List.of()
                : h.getLog().stream().map(HealthSnapshot::probe).toList();
        return new HealthSnapshot(String.valueOf(state.getStatus()), Boolean.TRUE.equals(state.getRunning()),
                Boolean.TRUE.equals(state.getRestarting()), Boolean.TRUE.equals(state.getOOMKilled()),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
                inspect.getRestartCount() == null ? 0 : inspect.getRestartCount(),
                h == null || h.getStatus() == null ? "none" : h.getStatus(),
                h == null || h.getFailingStreak() == null ? 0 : h.getFailingStreak(), probes);
    }

    private static ProbeResult probe(HealthStateLog log) {
        long code = log.getExitCodeLong() != null ? log.getExitCodeLong() : -1;
        return new ProbeResult(log.getStart(), log.getEnd(), code, log.getOutput() == null ? "" : log.getOutput());
    }

    public boolean healthy() {
        return running && "healthy".equals(health);
    }

    public Optional<ProbeResult> lastProbe() {
        return probes.isEmpty() ? Optional.empty() : Optional.of(probes.getLast());
    }

    /** Changes whenever state, restarts, health or the probe log changed: the watchdog's notion of progress. */
    public String progressKey() {
        return status + "|" + restartCount + "|" + health + "|" + failingStreak + "|"
                + lastProbe().map(ProbeResult::end).orElse("");
    }

    public String describe() {
        return "status=" + status + (running ? "" : " exitCode=" + exitCode) + (oomKilled ? " OOM-killed" : "")
                + " health=" + health + " failingStreak=" + failingStreak
                + lastProbe().map(p -> " lastProbe(exit " + p.exitCode() + "): " + p.output().strip()).orElse("");
    }
}
