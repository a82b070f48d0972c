package io.triggerlab.console.trigger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExplanationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PROBLEM: Function call failed|The function failed on the last batch",
            "PROBLEM: Connection error. Please check your event source connection configuration.|The poller cannot connect to the Kafka cluster",
            "PROBLEM: SASL authentication failed.|The brokers rejected the SASL credentials",
            "PROBLEM: Cluster failed to authorize Lambda.|The cluster authenticated the trigger but does not allow it to read",
            "PROBLEM: Server failed to authenticate Lambda.|The brokers did not accept the trigger's client certificate",
            "PROBLEM: Lambda failed to authenticate server.|The trigger did not trust the brokers' TLS certificate",
            "PROBLEM: Provided certificate or private key is invalid.|The client certificate or private key in the secret cannot be read",
            "PROBLEM: Lambda failed to assume your function execution role.|Lambda could not assume the function's execution role",
            "PROBLEM: Lambda internal error. Please contact Lambda customer support.|The engine failed while processing the trigger",
            "PROBLEM: Function not found: arn:aws:lambda:us-east-1:000000000000:function:gone. Register the function again, then enable the trigger (UpdateEventSourceMapping) to start it.|The trigger's function is gone, so Lambda stopped it (FUNCTION_CONFIG_NOT_VALID)",
            "PROBLEM: The event source mapping configuration is not valid: The MSK cluster offers only SASL/SCRAM brokers, but the mapping has no SASL_SCRAM_512_AUTH secret: add one to SourceAccessConfigurations. Fix it, then enable the trigger (UpdateEventSourceMapping).|The trigger's configuration can no longer be used, so Lambda stopped it (ESM_CONFIG_NOT_VALID)",
            "PROBLEM: Record orders-0 offset 7 is larger than the 6291456-byte invocation payload limit (MaximumPayloadSizeExceeded); it was skipped.|A single record is larger than Lambda's 6 MB invocation payload"})
    void everyDocumentedProblem_hasItsOwnExplanation(String result, String title) {
        ProblemExplanation explanation = ProblemExplanations.explain(result).orElseThrow();

        assertThat(explanation.title()).isEqualTo(title);
        assertThat(explanation.causes()).isNotEmpty();
        assertThat(explanation.fixes()).isNotEmpty();
    }

    @Test
    void okAndNoRecords_needNoExplanation_andAnUnknownProblemPointsToTheLog() {
        assertThat(ProblemExplanations.explain("OK")).isEmpty();
        assertThat(ProblemExplanations.explain("No records processed")).isEmpty();
        assertThat(ProblemExplanations.explain("PROBLEM: Something new").orElseThrow().fixes().get(0))
                .contains("engine log");
        assertThat(ProblemExplanations.explainReason("EVENT_SOURCE_AUTHN_ERROR")).contains("could not authenticate");
        assertThat(ProblemExplanations.explainReason("FUNCTION_CONFIG_NOT_VALID")).contains("no longer registered");
    }
}
