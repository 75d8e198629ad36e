package dev.snapotter.control.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.Test;

class ContainerEventTest {

    private static ContainerEvent parse(String json) throws Exception {
        return ContainerEvent.of(new ObjectMapper().readValue(json, Event.class));
    }

    @Test
    void healthDieStartAndOom() throws Exception {
        ContainerEvent health = parse("""
            {"Type":"container","Action":"health_status: healthy","id":"abc","timeNano":1764064800000000000,
             "Actor":{"ID":"abc","Attributes":{"name":"snapotter"}}}""");
        assertThat(health.kind()).isEqualTo(ContainerEvent.Kind.HEALTH_STATUS);
        assertThat(health.healthStatus()).contains("healthy");
        assertThat(health.time().getEpochSecond()).isEqualTo(1764064800L);

        ContainerEvent die = parse("""
            {"Type":"container","Action":"die","id":"abc","time":1764064800,
             "Actor":{"ID":"abc","Attributes":{"exitCode":"137"}}}""");
        assertThat(die.kind()).isEqualTo(ContainerEvent.Kind.DIE);
        assertThat(die.exitCode()).contains(137);
        assertThat(die.healthStatus()).isEmpty();

        assertThat(ContainerEvent.kind("start")).isEqualTo(ContainerEvent.Kind.START);
        assertThat(ContainerEvent.kind("oom")).isEqualTo(ContainerEvent.Kind.OOM);
        assertThat(ContainerEvent.kind("exec_start: sh")).isEqualTo(ContainerEvent.Kind.OTHER);
    }
}
