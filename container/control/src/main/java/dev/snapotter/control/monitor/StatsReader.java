package dev.snapotter.control.monitor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.core.InvocationBuilder;
import java.io.IOException;
import java.util.Optional;

/**
 * One stats sample per call with {@code stream=false}: a streaming stats request on a stopped container blocks
 * (docker-java #1074), and the request's connection is closed right after.
 */
public final class StatsReader {

    private final DockerClient docker;

    public StatsReader(DockerClient docker) {
        this.docker = docker;
    }

    public Optional<Statistics> read(String containerId) {
        try (InvocationBuilder.AsyncResultCallback<Statistics> callback = new InvocationBuilder.AsyncResultCallback<>()) {
            docker.statsCmd(containerId).withNoStream(true).exec(callback);
            return Optional.ofNullable(callback.awaitResult());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<CpuTotals> cpu(CpuStatsConfig cpu) {
        if (cpu == null || cpu.getCpuUsage() == null || cpu.getCpuUsage().getTotalUsage() == null
                || cpu.getSystemCpuUsage() == null) {
            return Optional.empty();
        }
        int online = cpu.getOnlineCpus() != null ? cpu.getOnlineCpus().intValue()
                : cpu.getCpuUsage().getPercpuUsage() != null ? cpu.getCpuUsage().getPercpuUsage().size() : 1;
        return Optional.of(new CpuTotals(cpu.getCpuUsage().getTotalUsage(), cpu.getSystemCpuUsage(), online));
    }

    /** Usage minus inactive page cache (cgroup v2 inactive_file, v1 total_inactive_file), like the docker CLI. */
    static long memoryUsed(MemoryStatsConfig memory) {
        if (memory == null || memory.getUsage() == null) return 0;
        long cache = 0;
        StatsConfig s = memory.getStats();
        if (s != null) {
            if (s.getInactiveFile() != null) cache = s.getInactiveFile();
            else if (s.getTotalInactiveFile() != null) cache = s.getTotalInactiveFile();
        }
        return Math.max(0, memory.getUsage() - cache);
    }
}
