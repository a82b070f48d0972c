package io.triggerlab.engine;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineConfigTest {

    private final EngineConfig defaults = EngineConfig.defaults(Path.of("/tmp/tl"));

    @Test
    void defaultsToUsEast1AndAnAllZeroAccount() {
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.accountId()).isEqualTo("000000000000");
        assertThat(defaults.apiPort()).isEqualTo(9001);
        assertThat(defaults.usesSandbox()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-gov-west-1", "ap-southeast-2", "us-isob-east-1"})
    void acceptsAwsRegionNames(String region) {
        assertThat(defaults.withAccount(region, "123456789012").region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nowhere", "US-EAST-1", "us-east", ""})
    void refusesWhatIsNotARegionName(String region) {
        assertThatThrownBy(() -> defaults.withAccount(region, "123456789012"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Region '" + region + "' is not valid: use an AWS region name such as us-east-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "abcdefghijkl"})
    void refusesAccountIdsThatAreNotTwelveDigits(String account) {
        assertThatThrownBy(() -> defaults.withAccount("us-east-1", account))
                .hasMessage("Account id '" + account + "' is not valid: must be 12 digits");
    }

    @Test
    void retryBackoffDefaultsToTheEnginesAndCanBeShortenedForTests() {
        RetryBackoff fast = new RetryBackoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(400));

        assertThat(defaults.retryBackoff()).isEqualTo(RetryBackoff.DEFAULT);
        assertThat(defaults.withRetryBackoff(fast).withApiPort(0).retryBackoff()).isEqualTo(fast);
    }
}
