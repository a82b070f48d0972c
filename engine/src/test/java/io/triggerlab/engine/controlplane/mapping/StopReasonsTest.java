package io.triggerlab.engine.controlplane.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopReasonsTest {

    @Test
    void authenticationAndAuthorizationProblems_setAwsStopCodes() {
        assertThat(StopReasons.after("PROBLEM: SASL authentication failed.", "USER_INITIATED")).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(StopReasons.after("PROBLEM: Server failed to authenticate Lambda.", "USER_INITIATED")).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(StopReasons.after("PROBLEM: Lambda failed to authenticate server.", "USER_INITIATED")).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(StopReasons.after("PROBLEM: Provided certificate or private key is invalid.", "USER_INITIATED")).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(StopReasons.after("PROBLEM: Cluster failed to authorize Lambda.", "EVENT_SOURCE_AUTHN_ERROR")).isEqualTo("EVENT_SOURCE_AUTHZ_ERROR");
    }

    @Test
    void retriedProblems_leaveTheReason_andOkAfterAStopGivesItBackToTheUser() {
        assertThat(StopReasons.after("PROBLEM: Connection error. Please check your event source connection configuration.", "USER_INITIATED")).isNull();
        assertThat(StopReasons.after("PROBLEM: Function call failed", "USER_INITIATED")).isNull();
        assertThat(StopReasons.after("PROBLEM: SASL authentication failed.", "EVENT_SOURCE_AUTHN_ERROR")).as("unchanged").isNull();
        assertThat(StopReasons.after("OK", "EVENT_SOURCE_AUTHZ_ERROR")).isEqualTo("USER_INITIATED");
        assertThat(StopReasons.after("OK", "USER_INITIATED")).isNull();
    }
}
