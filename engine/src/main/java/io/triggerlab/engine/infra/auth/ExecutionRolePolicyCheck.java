package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.SourceAccessType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which permissions a mapping needs from its function's execution role (docs/aws-behaviour.md#permissions), and which of them a set of IAM
 * policies leaves out: kafka and ec2 actions for MSK, {@code kafka-cluster:*} data-plane actions on the cluster,
 * topic and group ARNs under IAM access control, the logs actions, and {@code secretsmanager:GetSecretValue} for each
 * secret. The Kafka ACLs a SCRAM/mTLS principal needs are {@link KafkaAcls#requiredFor}.
 */
public final class ExecutionRolePolicyCheck {

    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:(?<partition>aws[a-zA-Z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>\\d{12}):function:(?<name>[^:]+)(:.*)?");
    private static final Pattern KAFKA_ARN = Pattern.compile(
            "arn:(?<partition>aws[a-zA-Z-]*):kafka:(?<region>[a-z0-9-]+):(?<account>\\d{12}):(?<kind>cluster|vpc-connection)/(?<rest>.+)");
    private static final List<String> EC2 = List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeVpcs", "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups");

    private ExecutionRolePolicyCheck() {
    }

    /** Everything the mapping needs; {@code auth} is what {@link AccessConfigurations} chose for it. */
    public static List<RequiredPermission> requiredFor(EventSourceMapping mapping, ClusterAuth auth) {
        Matcher fn = FUNCTION_ARN.matcher(mapping.functionArn());
        if (!fn.matches()) {
            throw new IllegalArgumentException("Function ARN " + mapping.functionArn() + " is not a Lambda function ARN");
        }
        List<RequiredPermission> required = new ArrayList<>();
        if (mapping.isMsk()) {
            msk(mapping, auth, required);
        } else if (usesVpc(mapping)) {
            EC2.forEach(a -> required.add(RequiredPermission.of(a, "*", "network interfaces in your VPC")));
        }
        String logGroup = "arn:" + fn.group("partition") + ":logs:" + fn.group("region") + ":" + fn.group("account")
                + ":log-group:/aws/lambda/" + fn.group("name");
        required.add(RequiredPermission.of("logs:CreateLogGroup", logGroup + ":*", "the function's log group"));
        required.add(RequiredPermission.of("logs:CreateLogStream", logGroup + ":*", "the function's log streams"));
        required.add(RequiredPermission.of("logs:PutLogEvents", logGroup + ":log-stream:*", "writing logs"));
        for (SourceAccessConfiguration sac : mapping.sourceAccessConfigurations()) {
            SourceAccessType type = sac.accessType();
            if (type != SourceAccessType.VPC_SUBNET && type != SourceAccessType.VPC_SECURITY_GROUP) {
                required.add(RequiredPermission.of("secretsmanager:GetSecretValue", sac.uri(), type + " secret"));
            }
        }
        return required;
    }

    private static void msk(EventSourceMapping mapping, ClusterAuth auth, List<RequiredPermission> required) {
        String arn = mapping.eventSourceArn();
        Matcher m = KAFKA_ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("EventSourceArn " + arn + " is not an MSK cluster or VPC connection ARN");
        }
        if (m.group("kind").equals("vpc-connection")) {
            required.add(RequiredPermission.of("kafka:DescribeVpcConnection", arn, "cross-account VPC connection"));
        }
        required.add(new RequiredPermission(List.of("kafka:DescribeCluster", "kafka:DescribeClusterV2"), arn,
                "reading the cluster (V2 for MSK Serverless)"));
        required.add(RequiredPermission.of("kafka:GetBootstrapBrokers", arn, "finding the brokers"));
        EC2.forEach(a -> required.add(RequiredPermission.of(a, "*", "network interfaces in the cluster's VPC")));
        if (auth instanceof ClusterAuth.MskIam && m.group("kind").equals("cluster")) {
            String[] nameAndUuid = m.group("rest").split("/", 2);
            String prefix = "arn:" + m.group("partition") + ":kafka:" + m.group("region") + ":" + m.group("account") + ":";
            String suffix = "/" + nameAndUuid[0] + "/" + nameAndUuid[1] + "/";
            String topic = prefix + "topic" + suffix + mapping.topic();
            String group = prefix + "group" + suffix + mapping.consumerGroupId();
            required.add(RequiredPermission.of("kafka-cluster:Connect", arn, "IAM access control"));
            required.add(RequiredPermission.of("kafka-cluster:DescribeClusterDynamicConfiguration", arn, "IAM access control"));
            required.add(RequiredPermission.of("kafka-cluster:DescribeGroup", group, "the consumer group"));
            required.add(RequiredPermission.of("kafka-cluster:AlterGroup", group, "joining the consumer group"));
            required.add(RequiredPermission.of("kafka-cluster:DescribeTopic", topic, "the topic"));
            required.add(RequiredPermission.of("kafka-cluster:ReadData", topic, "reading records"));
        }
    }

    private static boolean usesVpc(EventSourceMapping mapping) {
        return mapping.sourceAccessConfigurations().stream().map(SourceAccessConfiguration::accessType)
                .anyMatch(t -> t == SourceAccessType.VPC_SUBNET || t == SourceAccessType.VPC_SECURITY_GROUP);
    }

    /**
     * One finding per required permission: granted when some policy allows one of its actions on the resource and
     * no policy denies that action there (an explicit Deny always wins, as in IAM).
     */
    public static List<PolicyFinding> check(List<IamPolicy> policies, List<RequiredPermission> required) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (RequiredPermission permission : required) {
            boolean allowed = false;
            boolean denied = false;
            for (String action : permission.actions()) {
                boolean deny = policies.stream().anyMatch(p -> p.denies(action, permission.resource()));
                boolean allow = policies.stream().anyMatch(p -> p.allows(action, permission.resource()));
                denied |= deny;
                allowed |= allow && !deny;
            }
            findings.add(new PolicyFinding(permission, allowed, denied && !allowed));
        }
        return findings;
    }

    /** Only the permissions the policies do not grant. */
    public static List<PolicyFinding> missing(List<IamPolicy> policies, List<RequiredPermission> required) {
        return check(policies, required).stream().filter(f -> !f.allowed()).toList();
    }
}
