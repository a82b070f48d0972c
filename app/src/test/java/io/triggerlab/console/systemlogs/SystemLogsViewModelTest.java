package io.triggerlab.console.systemlogs;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.triggers.TestMappings;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SystemLogsViewModelTest {

    private static final String UUID = "6f1c0e9a-1111-2222-3333-444444444444";
    private static final Instant AT = Instant.parse("2026-12-08T03:00:00.250Z");

    private final QueuedExecutor background = new QueuedExecutor();
    private final FakeLogs engine = new FakeLogs();
    private final SystemLogsViewModel vm = new SystemLogsViewModel(engine, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);

    /** The engine's store: level and position filtering as the real one does. */
    private static final class FakeLogs implements SystemLogSource {
        final List<SystemLogEntry> kept = new ArrayList<>();
        final List<SystemLogQuery> asked = new ArrayList<>();
        String failure;

        @Override
        public synchronized List<SystemLogEntry> read(SystemLogQuery query) {
            asked.add(query);
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return kept.stream().filter(e -> e.mappingUuid().equals(query.mappingUuid()) && e.id() > query.afterId()
                    && query.level().admits(e.level())).limit(query.limit()).toList();
        }

        synchronized void keep(SystemLogLevel level, String type, String json) {
            Instant at = AT.plusSeconds(kept.size());
            kept.add(new SystemLogEntry(kept.size() + 1, UUID, SystemLogEntry.logStreamName(UUID, at), at, level, type, json));
        }
    }

    private static EventSourceMapping mapping(String level, boolean provisioned) {
        EventSourceMapping m = TestMappings.mapping(UUID, "orders-fn", "orders", MappingState.ENABLED, "OK");
        return m.toBuilder().loggingConfig(level == null ? null : new LoggingConfig(level))
                .provisionedPollerConfig(provisioned ? new ProvisionedPollerConfig(1, 3, null) : null).build();
    }

    @Test
    void showsTheTriggersEvents_summarised_andFollowsWhatComesWhileTheTabIsOpen() {
        engine.keep(SystemLogLevel.INFO, "POLLER_STATUS_EVENT", "{\"eventType\":\"POLLER_STATUS_EVENT\",\"logLevel\":\"INFO\","
                + "\"kafkaEventSourceConnection\":{\"consumerId\":\"" + UUID + "-0\",\"securityProtocol\":\"PLAINTEXT\","
                + "\"totalPartitionCount\":3,\"assignedPartitionCount\":2,\"partitionsAssignmentGeneration\":4,"
                + "\"assignedPartitions\":[\"orders-0\",\"orders-1\"]}}");
        vm.show(mapping("DEBUG", true));
        assertThat(background.waiting()).as("nothing is read while the tab is hidden").isZero();

        vm.setActive(true);
        background.runAll();
        assertThat(vm.configuredProperty().get()).isEqualTo("SystemLogLevel DEBUG: the poller writes events at this level and lower.");
        assertThat(vm.rows()).containsExactly(new SystemLogRow("2026-12-08 03:00:00.250", "INFO", "POLLER_STATUS_EVENT",
                UUID + "-0 owns 2 of 3 partitions [orders-0, orders-1], generation 4, PLAINTEXT",
                "2026/12/08/" + UUID, engine.kept.get(0).message()));
        assertThat(vm.streamNameProperty().get()).isEqualTo("2026/12/08/" + UUID);

        engine.keep(SystemLogLevel.DEBUG, "KAFKA_STATUS_EVENT", "{\"kafkaPartitionOffsets\":{\"partition\":\"orders-1\","
                + "\"endOffset\":5004,\"consumedOffset\":5003,\"processedOffset\":5003,\"committedOffset\":5004}}");
        engine.keep(SystemLogLevel.WARN, "ESM_PROCESSING_EVENT", "{\"error\":{\"errorMessage\":\"order 17 is invalid\","
                + "\"errorCode\":\"java.lang.RuntimeException\"}}");
        vm.refresh();
        background.runAll();
        assertThat(engine.asked.get(engine.asked.size() - 1).afterId()).as("reads on from the last event").isEqualTo(1);
        assertThat(vm.rows()).extracting(SystemLogRow::summary).containsExactly(
                UUID + "-0 owns 2 of 3 partitions [orders-0, orders-1], generation 4, PLAINTEXT",
                "orders-1: end 5004, consumed 5003, processed 5003, committed 5004",
                "java.lang.RuntimeException: order 17 is invalid");
    }

    @Test
    void aLevelFilter_readsAgainFromTheStart_withOnlyThoseLevels() {
        engine.keep(SystemLogLevel.INFO, "POLLER_STATUS_EVENT", "{}");
        engine.keep(SystemLogLevel.WARN, "ESM_PROCESSING_EVENT", "{}");
        engine.keep(SystemLogLevel.DEBUG, "KAFKA_STATUS_EVENT", "{}");
        vm.show(mapping("DEBUG", true));
        vm.setActive(true);
        background.runAll();
        assertThat(vm.rows()).hasSize(3);

        vm.levelProperty().set(SystemLogLevel.WARN);
        background.runAll();
        assertThat(vm.rows()).extracting(SystemLogRow::eventType).containsExactly("ESM_PROCESSING_EVENT");
        vm.levelProperty().set(SystemLogLevel.INFO);
        background.runAll();
        assertThat(vm.rows()).extracting(SystemLogRow::eventType).containsExactly("POLLER_STATUS_EVENT", "ESM_PROCESSING_EVENT");
    }

    @Test
    void aTriggerWithoutLoggingConfig_saysHowToGetLogs_andOnDemandModeIsMarkedAsBeyondAws() {
        vm.show(mapping(null, true));
        assertThat(vm.configuredProperty().get()).startsWith("No LoggingConfig: this trigger writes no system logs. Edit it");
        vm.show(mapping("WARN", false));
        assertThat(vm.configuredProperty().get()).isEqualTo("SystemLogLevel WARN: the poller writes events at this level "
                + "and lower. On AWS, LoggingConfig needs provisioned mode (ProvisionedPollerConfig); TriggerLab writes "
                + "the logs in on-demand mode too.");
    }

    @Test
    void anAnswerForAPreviousTrigger_isDropped_andAFailureIsShown() {
        engine.keep(SystemLogLevel.INFO, "POLLER_STATUS_EVENT", "{}");
        vm.show(mapping("INFO", true));
        vm.setActive(true);
        vm.show(null);
        background.runAll();
        assertThat(vm.rows()).isEmpty();

        engine.failure = "database closed";
        vm.show(mapping("INFO", true));
        background.runAll();
        assertThat(vm.errorMessageProperty().get()).contains("database closed");
        assertThat(vm.rows()).isEmpty();
    }
}
