package io.triggerlab.engine.infra.auth;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Consumer} that makes its real KafkaConsumer on first use and again after an authentication failure when
 * the secrets changed, so a mapping recovers by itself when a secret is fixed, with no restart. Until the real
 * consumer exists, {@code subscribe} is remembered (and replayed), {@code assignment()} is empty and pause/resume do
 * nothing; a {@code poll} that cannot make the consumer throws the {@link ClientSecurityException} (a KafkaException),
 * which the poller reports and retries after a backoff. Only the poller's thread calls it (like any consumer).
 */
final class DeferredConsumer implements InvocationHandler {

    private static final Logger log = LoggerFactory.getLogger(DeferredConsumer.class);
    private static final Set<String> EMPTY_WHILE_ABSENT = Set.of("assignment", "paused", "subscription");
    private static final Set<String> NOTHING_WHILE_ABSENT = Set.of("pause", "resume", "wakeup", "unsubscribe",
            "enforceRebalance");

    private final Supplier<Map<String, Object>> properties;
    private final Function<Map<String, Object>, Consumer<byte[], byte[]>> kafka;
    private Consumer<byte[], byte[]> delegate;
    private Map<String, Object> delegateProperties;
    private Method subscribe;
    private Object[] subscribeArgs;
    private boolean closed;

    private DeferredConsumer(Supplier<Map<String, Object>> properties,
                             Function<Map<String, Object>, Consumer<byte[], byte[]>> kafka) {
        this.properties = properties;
        this.kafka = kafka;
    }

    /**
     * @param properties the full client properties, read afresh (secrets included) each time a consumer is made
     * @param kafka      makes the real consumer
     */
    @SuppressWarnings("unchecked")
    static Consumer<byte[], byte[]> create(Supplier<Map<String, Object>> properties,
                                           Function<Map<String, Object>, Consumer<byte[], byte[]>> kafka) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, new DeferredConsumer(properties, kafka));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, name, args);
        }
        if (name.equals("close")) {
            closed = true;
            return delegate == null ? null : call(method, args);
        }
        if (name.equals("subscribe")) {
            subscribe = method;
            subscribeArgs = args;
            return delegate == null ? null : call(method, args);
        }
        if (delegate == null && EMPTY_WHILE_ABSENT.contains(name)) {
            return Set.of();
        }
        if (delegate == null && NOTHING_WHILE_ABSENT.contains(name)) {
            return null;
        }
        ensureDelegate();
        try {
            return call(method, args);
        } catch (AuthenticationException e) {
            dropIfSecretsChanged();
            throw e;
        }
    }

    private void ensureDelegate() throws Throwable {
        if (delegate != null) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("This consumer has already been closed.");
        }
        Map<String, Object> props = properties.get();
        delegate = kafka.apply(props);
        delegateProperties = props;
        if (subscribe != null) {
            call(subscribe, subscribeArgs);
        }
    }

    /**
     * After an authentication failure: if the secrets now give other properties (a password or certificate was
     * fixed), the next call makes a new consumer with them. The old one is closed first; while it closes, this
     * consumer reports no assignment, so the poller's rebalance listener sees the partitions go.
     */
    private void dropIfSecretsChanged() {
        Map<String, Object> fresh;
        try {
            fresh = properties.get();
        } catch (RuntimeException e) {
            fresh = null; // the secret itself is now broken: a new attempt will report exactly that
        }
        if (fresh != null && fresh.equals(delegateProperties)) {
            return;
        }
        log.info("The cluster credentials changed since the consumer was made; connecting again with the new ones");
        Consumer<byte[], byte[]> old = delegate;
        delegate = null;
        delegateProperties = null;
        try {
            old.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("Closing the consumer with the old credentials failed: {}", e.toString());
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object objectMethod(Object proxy, String name, Object[] args) {
        switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "DeferredConsumer[" + (delegate == null ? "not connected" : "connected") + "]";
        }
    }
}
