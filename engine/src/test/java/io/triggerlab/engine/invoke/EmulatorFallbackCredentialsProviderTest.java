package io.triggerlab.engine.invoke;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorFallbackCredentialsProviderTest {

    private static final URI EMULATOR = URI.create("http://127.0.0.1:3001");

    @Test
    void usesTheRealCredentials_whenTheChainHasThem() {
        AwsCredentials real = AwsBasicCredentials.create("AKIDEXAMPLE", "example-secret");
        EmulatorFallbackCredentialsProvider provider = new EmulatorFallbackCredentialsProvider(() -> real, EMULATOR);

        assertThat(provider.resolveCredentials()).isSameAs(real);
    }

    @Test
    void fallsBackToDummyCredentialsOnce_whenTheChainHasNone() {
        AtomicInteger probes = new AtomicInteger();
        EmulatorFallbackCredentialsProvider provider = new EmulatorFallbackCredentialsProvider(() -> {
            probes.incrementAndGet();
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        }, EMULATOR);

        assertThat(provider.resolveCredentials()).isSameAs(EmulatorFallbackCredentialsProvider.DUMMY);
        assertThat(provider.resolveCredentials()).isSameAs(EmulatorFallbackCredentialsProvider.DUMMY);
        assertThat(probes).as("the slow chain is probed only once").hasValue(1);
    }
}
