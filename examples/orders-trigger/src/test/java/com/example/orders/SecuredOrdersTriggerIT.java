package com.example.orders;

import io.triggerlab.junit.Invocation;
import io.triggerlab.junit.Trigger;
import io.triggerlab.junit.TriggerLab;
import io.triggerlab.junit.TriggerLabTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same function behind a SASL/SCRAM-authenticated trigger, on a broker that enforces ACLs as an MSK cluster does:
 * the trigger reads with the secret's credentials over TLS, trusting the sandbox's CA.
 */
@TriggerLabTest(securedSandbox = true)
class SecuredOrdersTriggerIT {

    @Test
    void aScramAuthenticatedTriggerDeliversAndCommits(TriggerLab lab) {
        lab.function("orders", OrdersHandler.class);
        String secret = lab.scramUser("orders-poller", "orders-secret-1");
        Trigger trigger = lab.trigger(t -> t.function("orders").topic("orders-secured").saslScram512(secret));

        lab.produce("orders-secured", "{\"id\":7}");

        lab.awaitCommitted(trigger, 0, 1);
        assertThat(lab.invocations(trigger)).flatMap(Invocation::values).containsExactly("{\"id\":7}");
        // Lambda's event names the brokers it read from: the cluster's SASL/SCRAM ones.
        String scramBrokers = lab.client().securedSandbox().orElseThrow().saslScram();
        assertThat(lab.invocations(trigger).get(0).eventJson()).contains("\"bootstrapServers\":\"" + scramBrokers + "\"");
        lab.awaitProcessingResult(trigger, "OK");
    }
}
