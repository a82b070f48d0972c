package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A table of policies and the findings expected for an MSK (SCRAM or IAM) and a self-managed (VPC, PLAIN) mapping. */
class ExecutionRolePolicyCheckTest {

    private static final String UUID = "2f2a7a5e-0000-4000-8000-000000000001";
    private static final String CLUSTER = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/6f2a-11ee-1";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-AbCdEf";
    private static final String TOPIC_ARN = "arn:aws:kafka:us-east-1:123456789012:topic/orders/6f2a-11ee-1/orders";
    private static final String GROUP_ARN = "arn:aws:kafka:us-east-1:123456789012:group/orders/6f2a-11ee-1/" + UUID;
    private static final List<String> IAM_ACTIONS = List.of("kafka-cluster:Connect",
            "kafka-cluster:DescribeClusterDynamicConfiguration", "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup",
            "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
    private static final List<String> EC2 = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeVpcs", "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups");

    private static EventSourceMapping.Builder base() {
        return EventSourceMapping.builder().uuid(UUID)
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:consumer")
                .topics(List.of("orders")).startingPosition(StartingPosition.LATEST).state(MappingState.ENABLED)
                .lastModified(Instant.EPOCH).eventSourceMappingArn(EventSourceMapping.arnOf("us-east-1", "123456789012", UUID));
    }

    private static final EventSourceMapping MSK_SCRAM = base().eventSourceArn(CLUSTER)
            .sourceAccessConfigurations(List.of(new SourceAccessConfiguration("SASL_SCRAM_512_AUTH", SECRET))).build();
    private static final EventSourceMapping MSK_IAM = base().eventSourceArn(CLUSTER).build();
    private static final EventSourceMapping SELF_MANAGED = base()
            .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("kafka.example.com:9092")))
            .sourceAccessConfigurations(List.of(new SourceAccessConfiguration("BASIC_AUTH", SECRET),
                    new SourceAccessConfiguration("VPC_SUBNET", "subnet:subnet-1"),
                    new SourceAccessConfiguration("VPC_SECURITY_GROUP", "security_group:sg-1"))).build();

    private static final String ALLOW_ALL = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    private static final String LOGS_ONLY = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:Create*\","
            + "\"logs:PutLogEvents\"],\"Resource\":\"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/consumer:*\"}]}";
    private static final String SECRETS = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
            + "\"Resource\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-*\"}]}";
    private static final String IAM_DATA_PLANE = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kafka-cluster:*\","
            + "\"Resource\":[\"" + CLUSTER + "\",\"arn:aws:kafka:us-east-1:123456789012:*/orders/6f2a-11ee-1/*\"]}]}";
    private static final String DENY_BOOTSTRAP = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"KAFKA:getbootstrap*\",\"Resource\":\"*\"}]}";
    private static final String NOT_ACTION = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"ec2:Delete*\"],"
            + "\"Resource\":\"*\"}]}";
    private static final String DENY_NOT_RESOURCE = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"secretsmanager:*\",\"NotResource\":\"arn:aws:secretsmanager:*:*:secret:other-*\"}]}";

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("managed policy, MSK SCRAM", MSK_SCRAM, List.of("AWSLambdaMSKExecutionRole"),
                        List.of("MISSING secretsmanager:GetSecretValue on " + SECRET)),
                Arguments.of("managed policy + secret access, MSK SCRAM", MSK_SCRAM,
                        List.of("AWSLambdaMSKExecutionRole", SECRETS), List.of()),
                Arguments.of("managed policy, MSK IAM", MSK_IAM, List.of("AWSLambdaMSKExecutionRole"),
                        IAM_ACTIONS.stream().map(a -> "MISSING " + a + " on "
                                + (a.endsWith("Group") ? GROUP_ARN : a.endsWith("Topic") || a.endsWith("ReadData") ? TOPIC_ARN : CLUSTER))
                                .toList()),
                Arguments.of("managed policy + kafka-cluster:* with wildcard ARNs, MSK IAM", MSK_IAM,
                        List.of("AWSLambdaMSKExecutionRole", IAM_DATA_PLANE), List.of()),
                Arguments.of("allow everything", MSK_IAM, List.of(ALLOW_ALL), List.of()),
                Arguments.of("explicit Deny beats Allow *", MSK_SCRAM, List.of(DENY_BOOTSTRAP),
                        List.of("DENIED  kafka:GetBootstrapBrokers on " + CLUSTER)),
                Arguments.of("NotAction leaves out ec2:Delete*", MSK_SCRAM, List.of(NOT_ACTION),
                        List.of("MISSING ec2:DeleteNetworkInterface on *")),
                Arguments.of("Deny with NotResource covers our secret", MSK_SCRAM, List.of(DENY_NOT_RESOURCE),
                        List.of("DENIED  secretsmanager:GetSecretValue on " + SECRET)),
                Arguments.of("logs only, self-managed in a VPC with BASIC_AUTH", SELF_MANAGED, List.of(LOGS_ONLY),
                        Stream.concat(EC2.stream().map(a -> "MISSING " + a + " on *"),
                                Stream.of("MISSING secretsmanager:GetSecretValue on " + SECRET)).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reportsExactlyTheMissingPermissions(String name, EventSourceMapping mapping, List<String> policies,
                                             List<String> expected) {
        ClusterAuth auth = mapping.isMsk()
                ? AccessConfigurations.msk(mapping.sourceAccessConfigurations(),
                new io.triggerlab.engine.infra.cluster.BootstrapBrokers(null, "b:9094", "b:9096", "b:9098")).auth()
                : AccessConfigurations.selfManaged(mapping.sourceAccessConfigurations());
        List<PolicyFinding> missing = ExecutionRolePolicyCheck.missing(policies.stream().map(IamPolicy::of).toList(),
                ExecutionRolePolicyCheck.requiredFor(mapping, auth));
        assertThat(missing).extracting(f -> f.describe().replaceAll(" \\(.*\\)$", "")).containsExactlyElementsOf(expected);
    }

    @Test
    void mskNeedsDescribeClusterOrV2_bootstrapBrokers_ec2AndLogs() {
        List<RequiredPermission> required = ExecutionRolePolicyCheck.requiredFor(MSK_SCRAM,
                new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, SECRET, null));
        assertThat(required).extracting(RequiredPermission::describe).containsExactly(
                "kafka:DescribeCluster or kafka:DescribeClusterV2 on " + CLUSTER,
                "kafka:GetBootstrapBrokers on " + CLUSTER,
                "ec2:CreateNetworkInterface on *", "ec2:DescribeNetworkInterfaces on *", "ec2:DescribeVpcs on *",
                "ec2:DeleteNetworkInterface on *", "ec2:DescribeSubnets on *", "ec2:DescribeSecurityGroups on *",
                "logs:CreateLogGroup on arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/consumer:*",
                "logs:CreateLogStream on arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/consumer:*",
                "logs:PutLogEvents on arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/consumer:log-stream:*",
                "secretsmanager:GetSecretValue on " + SECRET);
    }

    @Test
    void describeClusterV2Alone_isEnough() {
        String v2 = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kafka:DescribeClusterV2\",\"Resource\":\"" + CLUSTER + "\"}}";
        assertThat(ExecutionRolePolicyCheck.check(List.of(IamPolicy.of(v2)), ExecutionRolePolicyCheck.requiredFor(MSK_SCRAM,
                new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, SECRET, null))).get(0).allowed()).isTrue();
    }

    @Test
    void kafkaAclsForAScramOrMtlsPrincipal() {
        assertThat(KafkaAcls.describe(KafkaAcls.requiredFor("User:alice", "orders", UUID))).containsExactly(
                "ALLOW User:alice DESCRIBE_CONFIGS on CLUSTER kafka-cluster",
                "ALLOW User:alice DESCRIBE on GROUP " + UUID, "ALLOW User:alice READ on GROUP " + UUID,
                "ALLOW User:alice DESCRIBE on TOPIC orders", "ALLOW User:alice READ on TOPIC orders");
    }

    @Test
    void malformedPolicies_sayWhere() {
        assertThatThrownBy(() -> IamPolicy.of("{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\"}]}"))
                .hasMessage("Policy policy Statement[0]: \"Effect\" must be Allow or Deny, not 'allow'");
        assertThatThrownBy(() -> IamPolicy.of("{\"Version\":\"2012-10-17\"}")).hasMessage("Policy policy has no \"Statement\"");
        assertThatThrownBy(() -> IamPolicy.of("AmazonS3FullAccess")).hasMessageContaining("neither a policy document");
        assertThat(IamPolicy.of("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{}}}").hasConditions()).isTrue();
    }
}
