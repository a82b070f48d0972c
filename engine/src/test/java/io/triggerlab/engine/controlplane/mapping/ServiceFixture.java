package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.MappingRepository;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.infra.store.Database;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A MappingService over a real H2 database, a settable clock and a recording lifecycle listener. */
final class ServiceFixture implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";

    final Database database;
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00.123Z"));
    final List<String> events = new ArrayList<>();
    final FunctionRegistry functions;
    final ClusterRegistry clusters;
    final MappingService service;

    ServiceFixture(Database database) {
        this.database = database;
        functions = new FunctionRegistry(database.dataSource());
        clusters = new ClusterRegistry(database.dataSource(), REGION, ACCOUNT);
        service = new MappingService(new MappingRepository(database.dataSource()), functions, clusters, clock,
                REGION, ACCOUNT, new MappingLifecycle() {
            @Override
            public void created(EventSourceMapping m) {
                events.add("created " + m.uuid() + " " + m.state());
            }

            @Override
            public void updated(EventSourceMapping before, EventSourceMapping after) {
                events.add("updated " + after.uuid() + " " + before.batchSize() + "->" + after.batchSize());
            }

            @Override
            public void deleting(EventSourceMapping m) {
                events.add("deleting " + m.uuid() + " " + m.state());
            }
        });
    }

    /** Registers {@code my-function} and the MSK cluster of {@link MappingRequests#CLUSTER_ARN}. */
    ServiceFixture withDefaults() {
        registerFunction("my-function");
        clusters.register(new KafkaCluster(MappingRequests.CLUSTER_ARN, "orders-cluster",
                BootstrapBrokers.plaintextOnly("127.0.0.1:9092")));
        return this;
    }

    void registerFunction(String name) {
        functions.register(new FunctionDefinition(name, new CommandTarget(List.of("true"), null, null), null, REGION, ACCOUNT));
    }

    @Override
    public void close() {
        database.close();
    }

    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
