package io.triggerlab.engine.controlplane.mapping;

import java.util.Map;
import java.util.Set;

/**
 * The {@code StateTransitionReason} codes Lambda gives a Kafka consumer it stopped on an unrecoverable error
 * ({@code ESM_CONFIG_NOT_VALID}, {@code EVENT_SOURCE_AUTHN_ERROR}, {@code EVENT_SOURCE_AUTHZ_ERROR},
 * {@code FUNCTION_CONFIG_NOT_VALID}; developer guide, "Event source mapping errors" of the Kafka and Amazon MQ pages),
 * derived from the {@code LastProcessingResult} the pollers report.
 *
 * <p>TriggerLab's reading (docs/aws-reading.md): AWS says the consumer "stops processing records" and to "check the
 * StateTransitionReason"; it says nothing of {@code State}, so the mapping stays {@code Enabled} (the pollers keep
 * retrying, as they do for a connection error) and only the reason tells what is wrong. Once a poll works again
 * ({@code OK}), the reason is the user's again ({@code USER_INITIATED}), so a stale code never misleads.
 * {@code ESM_CONFIG_NOT_VALID} and {@code FUNCTION_CONFIG_NOT_VALID} are set where pollers cannot start at all
 * (the runtime's supervisor, which disables the mapping); an {@code OK} after them gives the reason back too.
 */
final class StopReasons {

    static final String AUTHN = "EVENT_SOURCE_AUTHN_ERROR";
    static final String AUTHZ = "EVENT_SOURCE_AUTHZ_ERROR";
    static final String ESM_CONFIG = "ESM_CONFIG_NOT_VALID";
    static final String FUNCTION_CONFIG = "FUNCTION_CONFIG_NOT_VALID";
    static final Set<String> ALL = Set.of(AUTHN, AUTHZ, ESM_CONFIG, FUNCTION_CONFIG);

    /** The problems (LastProcessingResult texts, as AWS words them) that are an unrecoverable stop on AWS. */
    private static final Map<String, String> BY_PROBLEM = Map.of(
            "PROBLEM: SASL authentication failed.", AUTHN,
            "PROBLEM: Server failed to authenticate Lambda.", AUTHN,
            "PROBLEM: Lambda failed to authenticate server.", AUTHN,
            "PROBLEM: Provided certificate or private key is invalid.", AUTHN,
            "PROBLEM: Cluster failed to authorize Lambda.", AUTHZ);

    private StopReasons() {
    }

    /**
     * The reason the mapping should carry after {@code result}, or {@code null} to leave it as it is: a stop code
     * for an unrecoverable problem, {@code USER_INITIATED} when a poll worked again after one.
     */
    static String after(String result, String currentReason) {
        String stop = BY_PROBLEM.get(result);
        if (stop != null) {
            return stop.equals(currentReason) ? null : stop;
        }
        if ("OK".equals(result) && ALL.contains(currentReason)) {
            return EventSourceMapping.USER_INITIATED;
        }
        return null;
    }
}
