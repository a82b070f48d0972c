package io.triggerlab.engine.runtime.replay;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the exact event JSON of a stored invocation to its mapping's function again, now, once: no retries, no offset
 * commits, nothing touches the consumer group. The replay is stored in the history as its own single-attempt batch
 * ({@link ReplayBatchIds}) and announced like any invocation, so the console's table shows it at once.
 */
public final class Replayer {

    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    /** Rows whose stored body is not an event the function received. */
    private static final Set<InvocationOutcome> NOT_AN_EVENT = EnumSet.of(InvocationOutcome.SENT_TO_DESTINATION,
            InvocationOutcome.DESTINATION_FAILED, InvocationOutcome.DROPPED, InvocationOutcome.RECORDS_EXPIRED,
            InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);

    private final InvocationHistory history;
    private final MappingService mappings;
    private final FunctionRegistry functions;
    private final FunctionInvokerFactory invokers;
    private final EngineEventBus events;
    private final Clock clock;
    private final RecordTestEvents testEvents;

    public Replayer(InvocationHistory history, MappingService mappings, FunctionRegistry functions,
                    FunctionInvokerFactory invokers, EngineEventBus events, Clock clock, ClusterRegistry clusters) {
        this.history = Objects.requireNonNull(history, "history");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.invokers = Objects.requireNonNull(invokers, "invokers");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.testEvents = new RecordTestEvents(Objects.requireNonNull(clusters, "clusters"));
    }

    /**
     * Replays invocation {@code invocationId} and returns the new history entry (whatever the function did: a failed
     * replay is recorded, not retried).
     *
     * @throws ResourceNotFoundException      when the invocation, its mapping or its function is gone
     * @throws InvalidParameterValueException when the invocation's event JSON was not kept, or it sent no event
     */
    public InvocationRecord replay(long invocationId) {
        InvocationRecord original = history.get(invocationId).orElseThrow(() -> new ResourceNotFoundException(
                "Invocation #" + invocationId + " is not in the history: it never existed or the retention limit "
                        + "removed it"));
        byte[] event = requireEvent(original);
        FunctionDefinition function = functionOf(original);
        InvocationRecord stored = invokeOnce(original.mappingUuid(), function, event,
                ReplayBatchIds.newBatchId(original.id()), original.partitions(), original.recordCount());
        log.info("Replayed invocation #{} of mapping {} to {} as #{}: {}", invocationId, original.mappingUuid(),
                function.functionArn(), stored.id(), stored.outcome());
        return stored;
    }

    /**
     * Sends one record of the mapping's topic, read back from the cluster, to the mapping's function as a one-record
     * event, now, once (a TriggerLab extra: AWS has no such call). Like a replay: no retries, no offsets committed,
     * its own history row ({@link ReplayBatchIds#newTestEventBatchId()}).
     *
     * @throws ResourceNotFoundException      when the mapping or its function is gone
     * @throws InvalidParameterValueException when the record is not of the mapping's topic
     */
    public InvocationRecord sendRecord(String mappingUuid, StoredRecord record) {
        EventSourceMapping mapping = mappings.get(mappingUuid);
        if (!mapping.topic().equals(record.topic())) {
            throw new InvalidParameterValueException("The record is from topic " + record.topic() + ", but mapping "
                    + mappingUuid + " reads topic " + mapping.topic());
        }
        FunctionDefinition function = functions.find(mapping.functionArn()).orElseThrow(() ->
                new ResourceNotFoundException("The function " + mapping.functionArn() + " of mapping " + mappingUuid
                        + " is not registered. Register it again (triggerlab function add) and retry"));
        byte[] event = testEvents.eventOf(mapping, record);
        InvocationRecord stored = invokeOnce(mappingUuid, function, event, ReplayBatchIds.newTestEventBatchId(),
                List.of(new PartitionRange(record.topic(), record.partition(), record.offset(), record.offset(), 1)), 1);
        log.info("Sent record {}-{}@{} to {} as a test event of mapping {} (#{}): {}", record.topic(),
                record.partition(), record.offset(), function.functionArn(), mappingUuid, stored.id(), stored.outcome());
        return stored;
    }

    private InvocationRecord invokeOnce(String mappingUuid, FunctionDefinition function, byte[] event, String batchId,
                                        List<PartitionRange> partitions, int recordCount) {
        MDC.put("esm", mappingUuid);
        try (FunctionInvoker invoker = invokers.create(function)) {
            String requestId = UUID.randomUUID().toString();
            Instant started = clock.instant();
            InvocationResult result = invoker.invoke(new InvocationRequest(event, requestId, function.timeout()));
            InvocationRecord stored = history.append(recordOf(mappingUuid, batchId, partitions, recordCount,
                    requestId, started, event, result));
            events.publish(new EngineEvent.InvocationCompleted(clock.instant(), stored.summary()));
            return stored;
        } finally {
            MDC.remove("esm");
        }
    }

    private static byte[] requireEvent(InvocationRecord original) {
        if (NOT_AN_EVENT.contains(original.outcome())) {
            throw new InvalidParameterValueException("Invocation #" + original.id() + " cannot be replayed: it is a "
                    + original.outcome() + " entry, which sent no event to the function. Replay one of the batch's "
                    + "attempts instead");
        }
        byte[] event = original.payload();
        if (event == null) {
            throw new InvalidParameterValueException("Invocation #" + original.id() + " cannot be replayed: its event "
                    + "JSON was not kept (payloadKept=false; the engine ran with --no-history-payloads or the body was"
                    + " over the history's size limit)");
        }
        return event;
    }

    private FunctionDefinition functionOf(InvocationRecord original) {
        EventSourceMapping mapping;
        try {
            mapping = mappings.get(original.mappingUuid());
        } catch (ResourceNotFoundException gone) {
            throw new ResourceNotFoundException("Invocation #" + original.id() + " cannot be replayed: its event "
                    + "source mapping " + original.mappingUuid() + " no longer exists, so its function is unknown");
        }
        return functions.find(mapping.functionArn()).orElseThrow(() -> new ResourceNotFoundException("Invocation #"
                + original.id() + " cannot be replayed: the function " + mapping.functionArn() + " is no longer "
                + "registered. Register it again (triggerlab function add) and retry"));
    }

    private static InvocationRecord recordOf(String mappingUuid, String batchId, List<PartitionRange> partitions,
                                             int recordCount, String requestId, Instant started, byte[] event,
                                             InvocationResult result) {
        byte[] response = null;
        String error = null;
        if (result instanceof InvocationResult.Success s) {
            response = s.payload();
        } else if (result instanceof InvocationResult.FunctionError e) {
            response = e.payload();
            error = "Function error: " + e.functionError();
        } else if (result instanceof InvocationResult.TimedOut t) {
            error = t.message();
        } else if (result instanceof InvocationResult.Throttled t) {
            error = t.message();
        } else if (result instanceof InvocationResult.PayloadTooLarge p) {
            error = p.message();
        } else if (result instanceof InvocationResult.InvokeFailed f) {
            error = f.message();
        }
        return new InvocationRecord(0, mappingUuid, batchId, 1, requestId, started, result.duration(),
                InvocationOutcome.of(result), partitions, recordCount, event.length, event, response, error,
                result.logs());
    }
}
