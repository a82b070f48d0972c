package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.runtime.offsets.ConsumerGroupOffsets;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;

import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.invoke.function.FunctionReference;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.invoke.function.ResolvedFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The control plane of event source mappings, operation for operation as Lambda's API (docs/aws-behaviour.md#api-operations), plus the
 * callbacks the poller runtime uses to report state. Every change is stored before it is announced to the
 * {@link MappingLifecycle}.
 */
public final class MappingService {

    private static final Logger log = LoggerFactory.getLogger(MappingService.class);

    static final int MAX_PAGE_SIZE = 100;

    private final MappingRepository repository;
    private final FunctionRegistry functions;
    private final ClusterRegistry clusters;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final MappingLifecycle lifecycle;
    private final MappingValidator validator;
    private final SourceAccessCheck accessCheck;
    private final ConsumerGroupOffsets groupOffsets;
    private final StoredMappingStatus status;
    /** The store's write lock, shared with the runtime's status reports ({@link StoredMappingStatus}). */
    private final Object lock;
    private final ResourceTagging tagging;
    private volatile MappingAdmission admission = MappingAdmission.NONE;

    /** Without the SourceAccessConfigurations rules ({@link SourceAccessCheck#NONE}). */
    public MappingService(MappingRepository repository, FunctionRegistry functions, ClusterRegistry clusters,
                          Clock clock, String region, String accountId, MappingLifecycle lifecycle) {
        this(repository, functions, clusters, clock, region, accountId, lifecycle, SourceAccessCheck.NONE);
    }

    /** @param accessCheck refuses SourceAccessConfigurations combinations AWS refuses, at create and update */
    public MappingService(MappingRepository repository, FunctionRegistry functions, ClusterRegistry clusters,
                          Clock clock, String region, String accountId, MappingLifecycle lifecycle,
                          SourceAccessCheck accessCheck) {
        this(repository, functions, clusters, clock, region, accountId, lifecycle, accessCheck,
                ConsumerGroupOffsets.UNAVAILABLE);
    }

    /** @param groupOffsets moves consumer groups on their clusters, for {@link #resetOffsets} */
    public MappingService(MappingRepository repository, FunctionRegistry functions, ClusterRegistry clusters,
                          Clock clock, String region, String accountId, MappingLifecycle lifecycle,
                          SourceAccessCheck accessCheck, ConsumerGroupOffsets groupOffsets) {
        this(new StoredMappingStatus(repository, clock), functions, clusters, clock, region, accountId, lifecycle,
                accessCheck, groupOffsets);
    }

    /**
     * @param status the store the runtime reports to as well; the runtime is built with it before this service, and
     *               this service with the runtime as its {@code lifecycle}
     */
    public MappingService(StoredMappingStatus status, FunctionRegistry functions, ClusterRegistry clusters,
                          Clock clock, String region, String accountId, MappingLifecycle lifecycle,
                          SourceAccessCheck accessCheck, ConsumerGroupOffsets groupOffsets) {
        this.status = Objects.requireNonNull(status, "status");
        this.lock = status.writeLock();
        MappingRepository repository = status.repository();
        this.groupOffsets = Objects.requireNonNull(groupOffsets, "groupOffsets");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.validator = new MappingValidator(clock);
        this.accessCheck = Objects.requireNonNull(accessCheck, "accessCheck");
        this.tagging = new ResourceTagging(repository, functions);
    }

    /** Strict mode and back: who has the last word on Create and Update ({@link MappingAdmission#NONE} by default). */
    public void admitWith(MappingAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /** True when an admission other than {@link MappingAdmission#NONE} is in place (strict mode). */
    public boolean admitsEverything() {
        return admission == MappingAdmission.NONE;
    }

    /** TagResource, UntagResource and ListTags on mappings and functions (tags given at Create are stored too). */
    public ResourceTagging tagging() {
        return tagging;
    }

    /** CreateEventSourceMapping: stores the mapping in state {@code Creating} and announces it. */
    public EventSourceMapping create(CreateEventSourceMappingRequest request) {
        validator.validateCreate(request);
        EventSourceMapping created;
        synchronized (lock) {
            ResolvedFunction function = resolveFunction(request.functionName());
            if (request.eventSourceArn() != null && clusters.findForEventSource(request.eventSourceArn()).isEmpty()) {
                throw clusterNotFound(request.eventSourceArn());
            }
            String uuid = UUID.randomUUID().toString();
            created = EventSourceMapping.builder()
                    .uuid(uuid)
                    .eventSourceMappingArn(EventSourceMapping.arnOf(region, accountId, uuid))
                    .functionArn(function.functionArn())
                    .lastModified(now())
                    .apply(request)
                    .build();
            accessCheck.check(created);
            admission.admit(null, created);
            PollerGroups.check(created, repository.findAll());
            refuseConflict(created, created.functionArn());
            refuseSharedConsumerGroup(created);
            repository.insert(created);
        }
        log.info("Created event source mapping {} for {} on topic {}", created.uuid(), created.functionArn(), created.topic());
        announce(created, lifecycle::created);
        return created;
    }

    /** GetEventSourceMapping. */
    public EventSourceMapping get(String uuid) {
        uuidMember(uuid);
        return require(uuid);
    }

    /**
     * ListEventSourceMappings: creation order, at most 100 per page whatever {@code maxItems} says.
     *
     * @param eventSourceArn only mappings of this MSK source, or {@code null}
     * @param functionName   any FunctionName form; unqualified matches every qualifier of the function; or {@code null}
     * @param marker         the {@code NextMarker} of the previous page, or {@code null}
     * @param maxItems       1..10000, or {@code null} for 100
     */
    public MappingPage list(String eventSourceArn, String functionName, String marker, Integer maxItems) {
        Violations violations = new Violations();
        violations.text("eventSourceArn", eventSourceArn, 0, 10000, ModelConstraints.EVENT_SOURCE_ARN);
        if (functionName != null) {
            ModelConstraints.functionName(functionName, violations);
        }
        violations.range("maxItems", maxItems, 1, 10000);
        violations.throwIfAny();
        ModelConstraints.functionNameLength(functionName);
        String functionArn = null;
        String functionBaseArn = null;
        if (functionName != null) {
            FunctionReference ref = FunctionReference.parse(functionName).orElseThrow();
            functionArn = ref.qualifier() == null ? null : ref.arn(region, accountId);
            functionBaseArn = ref.qualifier() == null ? ref.unqualifiedArn(region, accountId) : null;
        }
        int limit = Math.min(maxItems == null ? MAX_PAGE_SIZE : maxItems, MAX_PAGE_SIZE);
        MappingRepository.Slice slice = repository.page(eventSourceArn, functionArn, functionBaseArn,
                ListMarker.decode(marker), limit);
        return new MappingPage(slice.mappings(), slice.more() ? ListMarker.encode(slice.lastSeq()) : null);
    }

    /** UpdateEventSourceMapping: applies the present members, state {@code Updating}, and announces it. */
    public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
        uuidMember(uuid);
        EventSourceMapping before;
        EventSourceMapping after;
        synchronized (lock) {
            before = require(uuid);
            if (before.state() == MappingState.CREATING || before.state() == MappingState.DELETING) {
                throw new ResourceInUseException("Cannot update the event source mapping " + uuid + " while it is "
                        + before.state().awsName() + ": try again when it is Enabled or Disabled");
            }
            validator.validateUpdate(request, before);
            String functionArn = null;
            if (request.functionName() != null) {
                functionArn = resolveFunction(request.functionName()).functionArn();
                if (!functionArn.equals(before.functionArn())) {
                    refuseConflict(before, functionArn);
                }
            }
            EventSourceMapping.Builder changed = before.toBuilder()
                    .apply(request)
                    .state(MappingState.UPDATING)
                    .stateTransitionReason(EventSourceMapping.USER_INITIATED)
                    .lastModified(now());
            if (functionArn != null) {
                changed.functionArn(functionArn);
            }
            after = changed.build();
            if (request.sourceAccessConfigurations() != null) {
                // Only a change is checked: a mapping stored before a rule existed can still be disabled or fixed.
                accessCheck.check(after);
            }
            admission.admit(before, after);
            PollerGroups.check(after, repository.findAll());
            repository.update(after);
        }
        log.info("Updated event source mapping {}", uuid);
        EventSourceMapping previous = before;
        announce(after, m -> lifecycle.updated(previous, m));
        return after;
    }

    /** DeleteEventSourceMapping: state {@code Deleting}; the runtime calls {@link #completeDeletion} when stopped. */
    public EventSourceMapping delete(String uuid) {
        uuidMember(uuid);
        EventSourceMapping deleting;
        synchronized (lock) {
            EventSourceMapping current = require(uuid);
            if (current.state() == MappingState.DELETING) {
                return current;
            }
            if (current.state() == MappingState.UPDATING) {
                throw new ResourceInUseException("Cannot delete the event source mapping " + uuid
                        + " while it is Updating: try again when it is Enabled or Disabled");
            }
            deleting = current.withState(MappingState.DELETING, EventSourceMapping.USER_INITIATED, now());
            repository.update(deleting);
        }
        log.info("Deleting event source mapping {}", uuid);
        announce(deleting, lifecycle::deleting);
        return deleting;
    }

    /**
     * A TriggerLab extra (the Lambda API has none): moves the mapping's consumer group to {@code target} on every
     * partition of its topic, so the pollers start there when it is enabled again. Kafka refuses to move a group that
     * has members, so the mapping must be Disabled; it stays locked against updates until the reset is done.
     */
    public OffsetResetResult resetOffsets(String uuid, OffsetReset target) {
        Objects.requireNonNull(target, "target");
        synchronized (lock) {
            EventSourceMapping mapping = require(uuid);
            if (mapping.state() != MappingState.DISABLED) {
                throw new ResourceInUseException("Disable the trigger before resetting its offsets: " + uuid + " is "
                        + mapping.state().awsName());
            }
            List<PartitionOffsetReset> partitions = groupOffsets.reset(mapping, target);
            log.info("Reset the offsets of event source mapping {} (group {}, topic {}) to {}: {}", uuid,
                    mapping.consumerGroupId(), mapping.topic(), target.describe(), partitions);
            return new OffsetResetResult(uuid, mapping.topic(), mapping.consumerGroupId(), target, partitions);
        }
    }

    /** Runtime callback: the mapping reached {@code state} (e.g. Enabled after Creating), for {@code reason}. */
    public EventSourceMapping markState(String uuid, MappingState state, String reason) {
        return status.markState(uuid, state, reason);
    }

    /** Runtime callback: a new {@code LastProcessingResult} ({@code OK}, {@code PROBLEM: …}). */
    public EventSourceMapping recordProcessingResult(String uuid, String lastProcessingResult) {
        return status.recordProcessingResult(uuid, lastProcessingResult);
    }

    /** Runtime callback: polling stopped, the mapping is gone. Returns false when it was already gone. */
    public boolean completeDeletion(String uuid) {
        return status.completeDeletion(uuid);
    }

    /** Every stored mapping in creation order, in its last state — for restart recovery. */
    public List<EventSourceMapping> all() {
        return repository.findAll();
    }

    /** The UUIDs of the MSK mappings whose event source is this registered cluster: it cannot go while they exist. */
    public List<String> usingCluster(String clusterArn) {
        return all().stream()
                .filter(EventSourceMapping::isMsk)
                .filter(m -> clusters.findForEventSource(m.eventSourceArn())
                        .map(c -> c.clusterArn().equals(clusterArn)).orElse(false))
                .map(EventSourceMapping::uuid)
                .toList();
    }

    /** The {@code UUID} path member is a 36-character string in the model; anything else fails validation first. */
    private static void uuidMember(String uuid) {
        Violations violations = new Violations();
        violations.length("uUID", uuid == null ? "" : uuid, 36, 36);
        violations.throwIfAny();
    }

    private EventSourceMapping require(String uuid) {
        if (uuid == null || !isUuid(uuid)) {
            throw notFound();
        }
        return repository.find(uuid).orElseThrow(MappingService::notFound);
    }

    private static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Lambda's generic not-found text (docs/aws-behaviour.md#api-errors); a mapping-specific text is not known. */
    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("The resource you requested does not exist.");
    }

    /**
     * AWS answers a CreateEventSourceMapping for a function it cannot find with
     * {@code InvalidParameterValueException: Function does not exist} (HTTP 400), as observed in
     * hashicorp/terraform-provider-aws#17933's acceptance run against real AWS — not with ResourceNotFoundException.
     */
    private ResolvedFunction resolveFunction(String functionName) {
        return functions.resolve(functionName)
                .orElseThrow(() -> new InvalidParameterValueException("Function does not exist"));
    }

    /**
     * No AWS text is known for an MSK cluster that does not exist; this follows Lambda's "Stream not found: arn"
     * for a missing Kinesis stream (mirrored by localstack/localstack#12297) and says what to do.
     */
    private static InvalidParameterValueException clusterNotFound(String arn) {
        return new InvalidParameterValueException("Cluster not found: " + arn + ". TriggerLab only knows the MSK "
                + "clusters in its cluster registry (the sandbox broker is " + ClusterRegistry.SANDBOX_CLUSTER_NAME
                + "); register the cluster, or use SelfManagedEventSource with its bootstrap servers");
    }

    private void refuseConflict(EventSourceMapping mapping, String functionArn) {
        repository.findBySource(mapping.eventSourceKey(), functionArn, mapping.topic()).stream()
                .filter(existing -> !existing.uuid().equals(mapping.uuid()))
                .findFirst()
                .ifPresent(existing -> {
                    throw ResourceConflictException.mappingExists(mapping.eventSourceKey(), functionArn,
                            mapping.topics(), existing.uuid());
                });
    }

    /** "ConsumerGroupId … must be unique among all your Kafka event sources" (docs/aws-behaviour.md#consumer-group). */
    private void refuseSharedConsumerGroup(EventSourceMapping mapping) {
        String group = mapping.consumerGroupId();
        repository.findAll().stream()
                .filter(other -> other.consumerGroupId().equals(group))
                .findFirst()
                .ifPresent(other -> {
                    throw new InvalidParameterValueException("ConsumerGroupId " + group + " is already used by event "
                            + "source mapping " + other.uuid() + ": it must be unique among all your Kafka event sources");
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void announce(EventSourceMapping mapping, Consumer<EventSourceMapping> listener) {
        try {
            listener.accept(mapping);
        } catch (RuntimeException e) {
            log.warn("Mapping lifecycle listener failed for {}; the change is stored", mapping.uuid(), e);
        }
    }
}
