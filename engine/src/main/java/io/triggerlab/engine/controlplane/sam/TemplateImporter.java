package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LambdaApiException;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a SAM template in the engine: parses it ({@link SamTemplateParser}), then registers its functions and creates
 * its Kafka triggers through the same registry and control plane as the API. Importing again updates in place: a
 * function by name, a trigger by function + topic + source (cluster or bootstrap servers). Whatever fails for one
 * resource is reported with its line and the rest still imports.
 */
public final class TemplateImporter {

    private static final Logger log = LoggerFactory.getLogger(TemplateImporter.class);

    private final FunctionRegistry functions;
    private final MappingService mappings;
    private final ClusterMatcher clusters;
    private final SamTemplateParser parser;
    private final FunctionTargetFactory targets;
    private final String region;
    private final String accountId;

    public TemplateImporter(FunctionRegistry functions, MappingService mappings, ClusterRegistry clusters,
                            String region, String accountId, FunctionTargetFactory targets) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.clusters = new ClusterMatcher(Objects.requireNonNull(clusters, "clusters"));
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.parser = new SamTemplateParser(region, accountId);
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /** Reads a template without changing anything. */
    public ImportPlan plan(Path template, Map<String, String> parameters) {
        return parser.parse(template, parameters);
    }

    /** The template clusters that need the user's choice, given the choice made so far. */
    public List<ClusterQuestion> questions(ImportPlan plan, ClusterChoice choice) {
        return plan.mskClusterArns().stream().filter(arn -> clusters.match(arn, choice).isEmpty())
                .map(clusters::question).toList();
    }

    /** Parses and applies. */
    public ImportResult importTemplate(Path template, Map<String, String> parameters, ClusterChoice choice) {
        return apply(plan(template, parameters), choice);
    }

    /**
     * Registers the plan's functions and creates or updates its triggers.
     *
     * @throws AmbiguousClusterException when a template cluster needs the user's choice; nothing is changed then
     */
    public ImportResult apply(ImportPlan plan, ClusterChoice choice) {
        List<ClusterQuestion> questions = questions(plan, choice);
        if (!questions.isEmpty()) {
            throw new AmbiguousClusterException(questions);
        }
        List<ImportResult.Action> actions = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>(plan.problems());
        for (ImportedFunction function : plan.functions()) {
            try {
                actions.add(applyFunction(function));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(function.resource(), function.line(), e.getMessage()));
            }
        }
        for (ImportedTrigger trigger : plan.triggers()) {
            try {
                actions.add(applyTrigger(trigger, choice));
            } catch (UnmappableException e) {
                problems.add(new ImportProblem(trigger.resource(), e.line(), e.getMessage()));
            } catch (LambdaApiException | IllegalArgumentException e) {
                problems.add(new ImportProblem(trigger.resource(), trigger.line(), e.getMessage()));
            }
        }
        log.info("Imported {}: {} functions and triggers applied, {} problems", plan.template(), actions.size(),
                problems.size());
        return new ImportResult(plan.template(), actions, problems, plan.skipped());
    }

    private ImportResult.Action applyFunction(ImportedFunction f) {
        Optional<FunctionDefinition> existing = functions.findByName(f.name());
        FunctionTarget target = targets.target(f, existing.map(FunctionDefinition::target));
        FunctionDefinition wanted = new FunctionDefinition(f.name(), target, f.timeout(), region, accountId);
        String detail = f.runtime() + " " + f.handler() + " in " + f.code();
        if (existing.isEmpty()) {
            functions.register(wanted);
            return new ImportResult.Action(ImportResult.Kind.FUNCTION, f.resource(), f.name(),
                    ImportResult.Outcome.CREATED, detail);
        }
        if (existing.get().equals(wanted)) {
            return new ImportResult.Action(ImportResult.Kind.FUNCTION, f.resource(), f.name(),
                    ImportResult.Outcome.UNCHANGED, detail);
        }
        functions.update(wanted);
        return new ImportResult.Action(ImportResult.Kind.FUNCTION, f.resource(), f.name(), ImportResult.Outcome.UPDATED,
                detail);
    }

    private ImportResult.Action applyTrigger(ImportedTrigger trigger, ClusterChoice choice) {
        CreateEventSourceMappingRequest request = trigger.request();
        String source;
        if (trigger.isMsk()) {
            KafkaCluster cluster = clusters.match(request.eventSourceArn(), choice).orElseThrow();
            request = Requests.withEventSourceArn(request, cluster.clusterArn());
            source = "cluster " + cluster.clusterName();
        } else {
            source = String.join(",", request.selfManagedEventSource().bootstrapServers());
        }
        String functionName = request.functionName();
        String functionArn = functions.resolve(functionName).map(r -> r.definition().functionArn())
                .orElseThrow(() -> new IllegalArgumentException("function " + functionName
                        + " is not registered (it was not imported, see its problem)"));
        String key = trigger.isMsk() ? request.eventSourceArn() : source;
        String topic = trigger.topic();
        Optional<EventSourceMapping> existing = mappings.all().stream()
                .filter(m -> m.state() != MappingState.DELETING)
                .filter(m -> m.functionArn().equals(functionArn) && m.topic().equals(topic)
                        && m.eventSourceKey().equals(key))
                .findFirst();
        String detail = request.functionName() + " ← " + topic + " on " + source;
        if (existing.isEmpty()) {
            EventSourceMapping created = mappings.create(request);
            return new ImportResult.Action(ImportResult.Kind.TRIGGER, trigger.resource(), created.uuid(),
                    ImportResult.Outcome.CREATED, detail);
        }
        TriggerDifference difference = new TriggerDifference(request, existing.get(), trigger.line());
        if (difference.changed().isEmpty()) {
            return new ImportResult.Action(ImportResult.Kind.TRIGGER, trigger.resource(), existing.get().uuid(),
                    ImportResult.Outcome.UNCHANGED, detail);
        }
        mappings.update(existing.get().uuid(), difference.request());
        return new ImportResult.Action(ImportResult.Kind.TRIGGER, trigger.resource(), existing.get().uuid(),
                ImportResult.Outcome.UPDATED, detail + " (changed " + String.join(", ", difference.changed()) + ")");
    }
}
