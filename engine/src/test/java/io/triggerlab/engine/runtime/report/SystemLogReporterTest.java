package io.triggerlab.engine.runtime.report;

import io.triggerlab.engine.observe.systemlog.MappingSystemLog;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import io.triggerlab.engine.observe.systemlog.SystemLogStoreException;
import io.triggerlab.engine.observe.systemlog.SystemLogs;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one poller's system log reporter writes at each level, on Kafka's MockConsumer and a settable clock — and that
 * below DEBUG the poll path asks the consumer nothing.
 */
class SystemLogReporterTest {

    private static final String UUID = "6f1c0e9a-1111-2222-3333-444444444444";
    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + UUID;
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T03:00:00Z"));
    private final ListLogs logs = new ListLogs();
    private final CountingConsumer consumer = new CountingConsumer();

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static class ListLogs implements SystemLogs {
        final List<SystemLogEntry> kept = new ArrayList<>();

        @Override
        public SystemLogEntry append(SystemLogEntry entry) {
            kept.add(entry);
            return entry;
        }

        @Override
        public List<SystemLogEntry> read(SystemLogQuery query) {
            return kept;
        }

        @Override
        public List<SystemLogEntry> await(SystemLogQuery query, Duration wait) {
            return kept;
        }
    }

    /** Counts the calls that cost a broker round trip. */
    private static final class CountingConsumer extends MockConsumer<byte[], byte[]> {
        int brokerCalls;

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
            brokerCalls++;
            return super.endOffsets(partitions, timeout);
        }

        @Override
        public synchronized List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
            brokerCalls++;
            return super.partitionsFor(topic, timeout);
        }
    }

    private SystemLogReporter reporter(String level) {
        consumer.updatePartitions("orders", List.of(partition(0), partition(1), partition(2)));
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 4L));
        MappingSystemLog log = new MappingSystemLog(UUID, ARN, null, SystemLogLevel.parse(level), logs, clock);
        return new SystemLogReporter(PollerObserver.NONE, log, new SystemLogReporter.PollerIdentity(1, UUID + "-1",
                "orders", UUID, Map.of("bootstrap.servers", "127.0.0.1:9092")), consumer, clock, Duration.ofMinutes(1));
    }

    private static PartitionInfo partition(int n) {
        return new PartitionInfo("orders", n, Node.noNode(), new Node[0], new Node[0]);
    }

    private List<String> messages() {
        return logs.kept.stream().map(SystemLogEntry::message).toList();
    }

    @Test
    void debug_reportsEachOwnedPartitionsOffsets_oncePerInterval() {
        SystemLogReporter reporter = reporter("DEBUG");
        consumer.seek(P0, 8);
        consumer.seek(P1, 4);
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(7), P1, new OffsetAndMetadata(4)));
        reporter.committed(Map.of(P0, new OffsetAndMetadata(7), P1, new OffsetAndMetadata(4)), 11);

        reporter.polled(3, 0);
        clock.advance(Duration.ofSeconds(59));
        reporter.polled(0, 0);
        assertThat(logs.kept).as("the first minute is not over").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        reporter.polled(0, 0);

        String common = "{\"eventType\":\"KAFKA_STATUS_EVENT\",\"timestamp\":1796698860000,\"resourceArn\":\"" + ARN
                + "\",\"eventProcessorId\":\"" + UUID + "/1\",\"logLevel\":\"DEBUG\",\"kafkaPartitionOffsets\":";
        assertThat(messages()).containsExactly(
                common + "{\"partition\":\"orders-0\",\"endOffset\":10,\"consumedOffset\":7,\"processedOffset\":6,\"committedOffset\":7}}",
                common + "{\"partition\":\"orders-1\",\"endOffset\":4,\"consumedOffset\":3,\"processedOffset\":3,\"committedOffset\":4}}");
        assertThat(logs.kept).extracting(SystemLogEntry::logStreamName).containsOnly("2026/12/08/" + UUID);
    }

    @Test
    void info_writesThePollerStatusOncePerAssignment_andThePollPathAsksTheConsumerNothing() {
        SystemLogReporter reporter = reporter("INFO");
        reporter.assignmentChanged(Set.of(P1, P0));
        reporter.assignmentChanged(Set.of(P0, P1));
        int afterStatus = consumer.brokerCalls;
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofSeconds(10));
            reporter.polled(500, 0);
        }

        assertThat(consumer.brokerCalls).isEqualTo(afterStatus);
        assertThat(messages()).containsExactly("{\"eventType\":\"POLLER_STATUS_EVENT\",\"timestamp\":1796698800000,"
                + "\"resourceArn\":\"" + ARN + "\",\"eventProcessorId\":\"" + UUID + "/1\",\"logLevel\":\"INFO\","
                + "\"kafkaEventSourceConnection\":{\"brokerEndpoints\":\"127.0.0.1:9092\",\"consumerId\":\"" + UUID
                + "-1\",\"topics\":[\"orders\"],\"consumerGroupId\":\"" + UUID + "\",\"securityProtocol\":\"PLAINTEXT\","
                + "\"totalPartitionCount\":3,\"assignedPartitionCount\":2,\"partitionsAssignmentGeneration\":"
                + consumer.groupMetadata().generationId() + ",\"assignedPartitions\":[\"orders-0\",\"orders-1\"]}}");

        reporter.assignmentChanged(Set.of(P1));
        assertThat(messages()).hasSize(2);
        assertThat(messages().get(1)).contains("\"assignedPartitionCount\":1,").contains("\"assignedPartitions\":[\"orders-1\"]");
    }

    @Test
    void warn_writesOnlyErrors_withTheExceptionClassAsErrorCode() {
        SystemLogReporter reporter = reporter("WARN");
        reporter.assignmentChanged(Set.of(P0, P1));
        reporter.polled(10, 0);
        clock.advance(Duration.ofMinutes(5));
        reporter.polled(10, 0);
        reporter.pollingError(new TimeoutException("Timeout expired while fetching topic metadata"));
        reporter.commitError(new KafkaException("Commit failed"));

        assertThat(consumer.brokerCalls).isZero();
        assertThat(logs.kept).extracting(SystemLogEntry::eventType).containsOnly("ESM_PROCESSING_EVENT");
        assertThat(messages()).extracting(m -> m.substring(m.indexOf("\"error\":"))).containsExactly(
                "\"error\":{\"errorMessage\":\"Timeout expired while fetching topic metadata\","
                        + "\"errorCode\":\"org.apache.kafka.common.errors.TimeoutException\"}}",
                "\"error\":{\"errorMessage\":\"Commit failed\",\"errorCode\":\"org.apache.kafka.common.KafkaException\"}}");
    }

    @Test
    void aStoreThatFails_neverReachesThePoller() {
        SystemLogs broken = new ListLogs() {
            @Override
            public SystemLogEntry append(SystemLogEntry entry) {
                throw new SystemLogStoreException("disk full", null);
            }
        };
        consumer.updatePartitions("orders", List.of(partition(0)));
        MappingSystemLog log = new MappingSystemLog(UUID, ARN, null, SystemLogLevel.DEBUG, broken, clock);
        SystemLogReporter reporter = new SystemLogReporter(PollerObserver.NONE, log, new SystemLogReporter.PollerIdentity(0,
                UUID + "-0", "orders", UUID, Map.of("bootstrap.servers", "b:9092")), consumer, clock, Duration.ofMinutes(1));

        reporter.assignmentChanged(Set.of(P0));
        reporter.pollingError(new TimeoutException("slow"));
        assertThat(consumer.brokerCalls).as("it got as far as writing").isPositive();
    }
}
