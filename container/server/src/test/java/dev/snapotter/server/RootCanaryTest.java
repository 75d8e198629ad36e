package dev.snapotter.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RootCanaryTest {

    @Test
    void warnsWhenRunningAsRoot() {
        List<String> warnings = new ArrayList<>();
        assertThat(RootCanary.check(UidSource.fixed(0), warnings::add)).isTrue();
        assertThat(warnings).singleElement().asString().contains("Running as root").contains("CIS Docker");
    }

    @Test
    void staysQuietForOtherUsers() {
        List<String> warnings = new ArrayList<>();
        assertThat(RootCanary.check(UidSource.fixed(999), warnings::add)).isFalse();
        assertThat(RootCanary.check(OptionalLong::empty, warnings::add)).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void systemSourceReportsThisProcess() {
        assertThat(UidSource.system().uid()).isPresent();
    }
}
