package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.MappingLifecycle;
import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AccessConfigurations#CHECK} in a real {@link MappingService}: combinations AWS refuses are refused by
 * CreateEventSourceMapping and UpdateEventSourceMapping with InvalidParameterValueException, and nothing is stored.
 */
class SourceAccessCheckTest {

    private static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/6f2a-11ee-1";
    private static final String SCRAM = "arn:aws:secretsmanager:us-east-1:123456789012:secret:scram";
    private static final String CERT = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cert";
    private static final String CA = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ca";

    private final Database database = Database.inMemory("access-" + UUID.randomUUID());
    private final MappingService service;

    SourceAccessCheckTest() {
        FunctionRegistry functions = new FunctionRegistry(database.dataSource());
        functions.register(new FunctionDefinition("fn", new CommandTarget(List.of("true"), null, null), null,
                "us-east-1", "123456789012"));
        ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), "us-east-1", "123456789012");
        clusters.register(new KafkaCluster(CLUSTER_ARN, "orders", BootstrapBrokers.plaintextOnly("127.0.0.1:9092")));
        service = new MappingService(new MappingRepository(database.dataSource()), functions, clusters,
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC), "us-east-1", "123456789012",
                MappingLifecycle.NONE, AccessConfigurations.CHECK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SourceAccessConfiguration sac(String type, String uri) {
        return new SourceAccessConfiguration(type, uri);
    }

    private static CreateEventSourceMappingRequest msk(SourceAccessConfiguration... access) {
        return CreateEventSourceMappingRequest.builder().functionName("fn").eventSourceArn(CLUSTER_ARN)
                .topics(List.of("orders")).startingPosition("LATEST").sourceAccessConfigurations(List.of(access)).build();
    }

    private static CreateEventSourceMappingRequest selfManaged(SourceAccessConfiguration... access) {
        return CreateEventSourceMappingRequest.builder().functionName("fn")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("broker-1.example.com:9096")))
                .topics(List.of("orders")).startingPosition("TRIM_HORIZON")
                .sourceAccessConfigurations(List.of(access)).build();
    }

    private void assertRefused(CreateEventSourceMappingRequest request, String message) {
        assertThatThrownBy(() -> service.create(request))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining(message);
        assertThat(service.all()).as("nothing stored").isEmpty();
    }

    @Test
    void refusesSaslPlain_onMsk() {
        assertRefused(msk(sac("BASIC_AUTH", SCRAM)), "type BASIC_AUTH is not supported for an Amazon MSK event source");
    }

    @Test
    void refusesScram256_onMsk() {
        assertRefused(msk(sac("SASL_SCRAM_256_AUTH", SCRAM)),
                "type SASL_SCRAM_256_AUTH is not supported for an Amazon MSK event source");
    }

    @Test
    void refusesACustomRootCa_onMsk() {
        assertRefused(msk(sac("SASL_SCRAM_512_AUTH", SCRAM), sac("SERVER_ROOT_CA_CERTIFICATE", CA)),
                "type SERVER_ROOT_CA_CERTIFICATE is not supported for an Amazon MSK event source");
    }

    @Test
    void refusesTheSameSecretTypeTwice_onMsk() {
        assertRefused(msk(sac("SASL_SCRAM_512_AUTH", SCRAM), sac("SASL_SCRAM_512_AUTH", CERT)),
                "SourceAccessConfigurations has more than one SASL_SCRAM_512_AUTH entry: give each type at most once");
    }

    @Test
    void refusesTwoAuthenticationMethods_onSelfManaged() {
        assertRefused(selfManaged(sac("SASL_SCRAM_512_AUTH", SCRAM), sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT)),
                "SourceAccessConfigurations names 2 authentication methods (SASL_SCRAM_512_AUTH, "
                        + "CLIENT_CERTIFICATE_TLS_AUTH): a self-managed Kafka event source uses one");
    }

    @Test
    void refusesSaslPlainWithScram_onSelfManaged() {
        assertRefused(selfManaged(sac("BASIC_AUTH", SCRAM), sac("SASL_SCRAM_256_AUTH", SCRAM),
                        sac("SERVER_ROOT_CA_CERTIFICATE", CA)),
                "2 authentication methods (BASIC_AUTH, SASL_SCRAM_256_AUTH)");
    }

    @Test
    void refusesTwoRootCas_onSelfManaged() {
        assertRefused(selfManaged(sac("SERVER_ROOT_CA_CERTIFICATE", CA), sac("SERVER_ROOT_CA_CERTIFICATE", CERT)),
                "more than one SERVER_ROOT_CA_CERTIFICATE entry");
    }

    @Test
    void refusesRabbitMqVirtualHost_onSelfManaged() {
        assertRefused(selfManaged(sac("VIRTUAL_HOST", "/")), "VIRTUAL_HOST is not supported for a Kafka event source");
    }

    @Test
    void accepts_whatAwsAccepts() {
        EventSourceMapping self = service.create(selfManaged(sac("SASL_SCRAM_512_AUTH", SCRAM),
                sac("SERVER_ROOT_CA_CERTIFICATE", CA), sac("VPC_SUBNET", "subnet:subnet-1"),
                sac("VPC_SUBNET", "subnet:subnet-2"), sac("VPC_SECURITY_GROUP", "security_group:sg-1")));
        EventSourceMapping mskBoth = service.create(msk(sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT),
                sac("SASL_SCRAM_512_AUTH", SCRAM)));

        assertThat(self.sourceAccessConfigurations()).hasSize(5);
        assertThat(mskBoth.sourceAccessConfigurations()).extracting(SourceAccessConfiguration::type)
                .as("both allowed; mTLS wins when polling").containsExactly("CLIENT_CERTIFICATE_TLS_AUTH", "SASL_SCRAM_512_AUTH");
    }

    @Test
    void update_refusesASecondMethod_andKeepsTheMapping() {
        EventSourceMapping created = service.create(selfManaged(sac("SASL_SCRAM_512_AUTH", SCRAM)));
        service.markState(created.uuid(), MappingState.ENABLED, EventSourceMapping.USER_INITIATED);

        assertThatThrownBy(() -> service.update(created.uuid(), UpdateEventSourceMappingRequest.builder()
                .sourceAccessConfigurations(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM), sac("BASIC_AUTH", SCRAM)))
                .build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("2 authentication methods (BASIC_AUTH, SASL_SCRAM_512_AUTH)");

        EventSourceMapping stored = service.get(created.uuid());
        assertThat(stored.state()).isEqualTo(MappingState.ENABLED);
        assertThat(stored.sourceAccessConfigurations()).containsExactly(sac("SASL_SCRAM_512_AUTH", SCRAM));
    }

    @Test
    void update_withoutNewAccessConfigurations_isNotChecked() {
        EventSourceMapping created = service.create(selfManaged(sac("SASL_SCRAM_512_AUTH", SCRAM)));
        service.markState(created.uuid(), MappingState.ENABLED, EventSourceMapping.USER_INITIATED);

        EventSourceMapping updated = service.update(created.uuid(),
                UpdateEventSourceMappingRequest.builder().batchSize(10).build());

        assertThat(updated.batchSize()).isEqualTo(10);
    }
}
