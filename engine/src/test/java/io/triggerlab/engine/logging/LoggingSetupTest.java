package io.triggerlab.engine.logging;

import ch.qos.logback.classic.LoggerContext;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One logging backend: Logback. Kafka's broker pulls in log4j and other libraries have brought second SLF4J bindings
 * before; this fails the build when a new dependency does that again.
 */
class LoggingSetupTest {

    @Test
    void logbackIsTheOnlySlf4jProvider() throws IOException {
        List<URL> providers = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));

        assertThat(providers).singleElement().asString().contains("logback-classic");
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
    }

    @Test
    void noSlf4j17StyleBindingIsOnTheClasspath() {
        assertThat(getClass().getClassLoader().getResource("org/slf4j/impl/StaticLoggerBinder.class")).isNull();
    }

    @Test
    void log4jApiCallsFromTheBrokerGoToSlf4j() {
        assertThatThrownBy(() -> Class.forName("org.apache.logging.log4j.core.LoggerContext"))
                .as("log4j-core must stay excluded")
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(LogManager.getContext(false).getClass().getName()).startsWith("org.apache.logging.slf4j.");
    }
}
