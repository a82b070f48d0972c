package io.triggerlab.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a TriggerLab engine with its embedded Kafka broker: started before the first test on
 * free ports in a temporary data directory, stopped after the last (also when tests fail). Test methods,
 * constructors and lifecycle methods get it as a {@link TriggerLab} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TriggerLabExtension.class)
public @interface TriggerLabTest {

    /** The broker also runs SASL/SCRAM, TLS and mTLS listeners with ACLs and its own CA, as an MSK cluster would. */
    boolean securedSandbox() default false;

    /**
     * One engine for every test class in this JVM that also says so (with the same {@link #securedSandbox()}),
     * stopped when the JVM's tests end: faster, but the classes share topics, functions and triggers, so each must
     * use names of its own.
     */
    boolean perJvm() default false;

    /**
     * The engine's first wait, in milliseconds, before it tries a failing batch again; each further attempt waits twice
     * as long, up to 20 times this. 50 ms by default, so a test of retries, bisect or a destination does not spend
     * real seconds waiting; 500 is the engine's own default (AWS documents no backoff).
     */
    long retryBackoffMillis() default 50;
}
