package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.sandbox.SandboxCa;
import io.triggerlab.engine.infra.sandbox.SecuredListeners;
import io.triggerlab.engine.testing.TempDirectories;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One secured sandbox broker for a test class: its own CA, SCRAM-512/256 users, a PLAIN user, and ACLs that let
 * the "good" principals consume any topic with any group. Produces over PLAINTEXT (a super user there).
 */
final class SecuredTestBroker implements AutoCloseable {

    static final String SCRAM_512_USER = "scram512";
    static final String SCRAM_512_PASSWORD = "s512-Secret\"with\\quotes";
    static final String SCRAM_256_USER = "scram256";
    static final String SCRAM_256_PASSWORD = "s256-very-secret";
    static final String PLAIN_USER = "plainuser";
    static final String PLAIN_PASSWORD = "plain-very-secret";
    static final String MTLS_USER = "mtls-client";
    /** Has topic and cluster ACLs but no group ACL. */
    static final String NO_GROUP_USER = "nogroup";
    static final String NO_GROUP_PASSWORD = "nogroup-very-secret";

    private final Path directory;
    private final SandboxCa ca;
    private final EmbeddedKafkaBroker broker;

    SecuredTestBroker() throws Exception {
        directory = Files.createTempDirectory("triggerlab-secured-broker-");
        ca = SandboxCa.generate("TriggerLab IT CA");
        try {
            broker = EmbeddedKafkaBroker.start(SecuredListeners.secure(BrokerSettings.inDirectory(directory), ca,
                    Map.of(PLAIN_USER, PLAIN_PASSWORD)));
        } catch (RuntimeException e) {
            TempDirectories.deleteRecursively(directory);
            throw e;
        }
        broker.upsertScramUser(ScramMechanism.SCRAM_SHA_512, SCRAM_512_USER, SCRAM_512_PASSWORD);
        broker.upsertScramUser(ScramMechanism.SCRAM_SHA_256, SCRAM_256_USER, SCRAM_256_PASSWORD);
        broker.upsertScramUser(ScramMechanism.SCRAM_SHA_512, NO_GROUP_USER, NO_GROUP_PASSWORD);
        for (String user : new String[] {SCRAM_512_USER, SCRAM_256_USER, PLAIN_USER, MTLS_USER}) {
            broker.createAcls(KafkaAcls.requiredFor("User:" + user, "*", "*"));
        }
        broker.createAcls(KafkaAcls.requiredFor("User:" + NO_GROUP_USER, "*", "*").stream()
                .filter(acl -> acl.pattern().resourceType() != org.apache.kafka.common.resource.ResourceType.GROUP)
                .toList());
    }

    EmbeddedKafkaBroker broker() {
        return broker;
    }

    SandboxCa ca() {
        return ca;
    }

    String address(String listener) {
        return broker.bootstrapServers(listener);
    }

    void produce(String topic, String... values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
            producer.flush();
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            TempDirectories.deleteRecursively(directory);
        }
    }
}
