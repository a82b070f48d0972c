package io.triggerlab.engine.infra.sandbox;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void pickExcept_neverHandsOutAPortAlreadyChosenForAnotherListener() {
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            int port = FreePorts.pickExcept(chosen);
            assertThat(chosen).doesNotContain(port);
            chosen.add(port);
        }
        assertThat(chosen).hasSize(40).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
    }
}
