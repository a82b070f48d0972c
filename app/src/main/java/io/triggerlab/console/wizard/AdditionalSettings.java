package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard's "Additional settings" as typed: error handling, filters, the on-failure destination, provisioned
 * pollers, logging, metrics and tags. Text stays text until {@link TriggerForm} turns it into the request.
 *
 * @param filters       one EventBridge pattern per line (blank lines ignored)
 * @param logLevel      "" (absent), DEBUG, INFO or WARN
 * @param pollerGroup   PollerGroupName (provisioned mode), or blank
 * @param tags          one {@code key=value} per line
 * @param schemaRegistry SchemaRegistryConfig of the Kafka event source config
 */
public record AdditionalSettings(String retries, String recordAge, boolean bisect, boolean reportBatchItemFailures,
                                 String filters, String onFailureDestination, boolean provisioned, String minPollers,
                                 String maxPollers, String pollerGroup, String logLevel, List<String> metrics,
                                 String tags, SchemaRegistrySettings schemaRegistry) {

    public static final AdditionalSettings DEFAULTS = new AdditionalSettings("", "", false, false, "", "", false, "", "",
            "", "", List.of(), "", SchemaRegistrySettings.NONE);

    public AdditionalSettings {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        schemaRegistry = schemaRegistry == null ? SchemaRegistrySettings.NONE : schemaRegistry;
    }

    /** The settings an existing trigger has, as the wizard's fields show them. */
    public static AdditionalSettings of(EventSourceMapping m) {
        ProvisionedPollerConfig pollers = m.provisionedPollerConfig();
        boolean provisioned = pollers != null && !pollers.isEmpty();
        return new AdditionalSettings(
                m.maximumRetryAttempts() == EventSourceMapping.INFINITE ? "" : String.valueOf(m.maximumRetryAttempts()),
                m.maximumRecordAgeInSeconds() == EventSourceMapping.INFINITE ? ""
                        : String.valueOf(m.maximumRecordAgeInSeconds()),
                m.bisectBatchOnFunctionError(),
                m.functionResponseTypes().contains(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES),
                m.filterCriteria() == null ? "" : String.join("\n", m.filterCriteria().filters().stream()
                        .map(FilterCriteria.Filter::pattern).toList()),
                m.destinationConfig() == null || m.destinationConfig().onFailureDestination() == null ? ""
                        : m.destinationConfig().onFailureDestination(),
                provisioned,
                provisioned && pollers.minimumPollers() != null ? String.valueOf(pollers.minimumPollers()) : "",
                provisioned && pollers.maximumPollers() != null ? String.valueOf(pollers.maximumPollers()) : "",
                provisioned && pollers.pollerGroupName() != null ? pollers.pollerGroupName() : "",
                m.loggingConfig() == null || m.loggingConfig().systemLogLevel() == null ? ""
                        : m.loggingConfig().systemLogLevel(),
                m.metricsConfig() == null ? List.of() : m.metricsConfig().metrics(),
                String.join("\n", m.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                        .toList()), SchemaRegistrySettings.of(m));
    }

    /** The filter patterns, one per non-blank line. */
    public List<String> patterns() {
        return filters == null ? List.of() : filters.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    FilterCriteria filterCriteria() {
        List<String> patterns = patterns();
        return patterns.isEmpty() ? null : new FilterCriteria(patterns.stream().map(FilterCriteria.Filter::new).toList());
    }

    DestinationConfig destination() {
        return blank(onFailureDestination) ? null : DestinationConfig.onFailure(onFailureDestination.strip());
    }

    List<String> functionResponseTypes() {
        return reportBatchItemFailures ? List.of(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES) : null;
    }

    LoggingConfig logging() {
        return blank(logLevel) ? null : new LoggingConfig(logLevel.strip());
    }

    MetricsConfig metricsConfig() {
        return metrics.isEmpty() ? null : new MetricsConfig(metrics);
    }

    /** @throws TriggerForm.FieldException when a line is not {@code key=value} */
    Map<String, String> tagMap() {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        for (String line : tags.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new TriggerForm.FieldException(WizardStep.ADDITIONAL, "Tag line '" + line + "' is not key=value",
                        "Write each tag as key=value, one per line.");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
