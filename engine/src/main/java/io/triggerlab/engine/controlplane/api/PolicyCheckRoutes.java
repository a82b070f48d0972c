package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.infra.auth.AccessConfigurations;
import io.triggerlab.engine.infra.auth.ClusterAuth;
import io.triggerlab.engine.infra.auth.ExecutionRolePolicyCheck;
import io.triggerlab.engine.infra.auth.IamPolicy;
import io.triggerlab.engine.infra.auth.InvalidAccessConfigurationException;
import io.triggerlab.engine.infra.auth.KafkaAcls;
import io.triggerlab.engine.infra.auth.PolicyFinding;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LambdaApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /triggerlab/v1/policy-check}: which permissions a mapping needs from its function's execution role
 * (docs/aws-behaviour.md#permissions) and which of them the given policies leave out, honouring wildcards, {@code Deny} and
 * {@code NotAction}; plus the Kafka ACLs a SCRAM, SASL/PLAIN or mTLS principal needs.
 * <pre>
 * request   {"mappingUuid":"…", "policy": {policy document} | "AWSLambdaMSKExecutionRole" | "{…json text…}" | [those…]}
 * response  {"mappingUuid","authentication":"SASL/SCRAM-SHA-512 over TLS (secret …)","policies":["…"],
 *            "conditionsNotEvaluated":false,"complete":false,
 *            "findings":[{"actions":[…],"resource","reason","verdict":"OK"|"MISSING"|"DENIED"}…],
 *            "missing":["MISSING kafka:GetBootstrapBrokers on arn:… (finding the brokers)",…],
 *            "kafkaAcls":["ALLOW User:&lt;user&gt; READ on TOPIC orders",…]}   (kafkaAcls only for SCRAM, PLAIN and mTLS)
 * </pre>
 */
final class PolicyCheckRoutes extends ExtensionRoute {

    /** Stands for the principal in the ACL list: the SCRAM/PLAIN user or certificate CN, which lives in a secret. */
    static final String PRINCIPAL_PLACEHOLDER = "User:<user name or certificate CN>";

    PolicyCheckRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String item) {
        if (item != null) {
            throw ApiException.resourceNotFound("No policy-check resource '" + item + "': POST to "
                    + ExtensionRoutes.PREFIX + "policy-check");
        }
        requireMethod(request, "POST");
        JsonNode body = request.jsonBody();
        String uuid = body.path("mappingUuid").isTextual() ? body.get("mappingUuid").textValue() : null;
        if (uuid == null) {
            throw ApiException.invalidParameter("mappingUuid is required: the UUID of the event source mapping to check");
        }
        if (!body.has("policy") || body.get("policy").isNull()) {
            throw ApiException.invalidParameter("policy is required: a policy document (JSON object), its text, or the "
                    + "managed policy name " + IamPolicy.AWS_LAMBDA_MSK_EXECUTION_ROLE + "; or an array of those");
        }
        EventSourceMapping mapping;
        try {
            mapping = context.mappings().get(uuid);
        } catch (LambdaApiException e) {
            throw ApiException.of(e);
        }
        return ApiResponse.ok(report(mapping, policies(body.get("policy"))));
    }

    private List<IamPolicy> policies(JsonNode policy) {
        List<IamPolicy> policies = new ArrayList<>();
        for (JsonNode one : policy.isArray() ? policy : List.of(policy)) {
            try {
                if (one.isObject()) {
                    policies.add(IamPolicy.parse("policy[" + policies.size() + "]", one.toString()));
                } else if (one.isTextual()) {
                    policies.add(IamPolicy.of(one.textValue()));
                } else {
                    throw new IllegalArgumentException("A policy must be a JSON object or a string, not "
                            + JsonFields.describe(one));
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter(e.getMessage());
            }
        }
        if (policies.isEmpty()) {
            throw ApiException.invalidParameter("policy is an empty array: give at least one policy");
        }
        return policies;
    }

    private ObjectNode report(EventSourceMapping mapping, List<IamPolicy> policies) {
        ClusterAuth auth = authOf(mapping);
        List<PolicyFinding> findings = ExecutionRolePolicyCheck.check(policies,
                ExecutionRolePolicyCheck.requiredFor(mapping, auth));
        ObjectNode body = mapper.createObjectNode();
        body.put("mappingUuid", mapping.uuid());
        body.put("authentication", auth.description());
        policies.forEach(p -> body.withArray("policies").add(p.name()));
        body.put("conditionsNotEvaluated", policies.stream().anyMatch(IamPolicy::hasConditions));
        body.put("complete", findings.stream().allMatch(PolicyFinding::allowed));
        ArrayNode all = body.putArray("findings");
        ArrayNode missing = body.putArray("missing");
        for (PolicyFinding f : findings) {
            ObjectNode node = all.addObject();
            f.permission().actions().forEach(node.putArray("actions")::add);
            node.put("resource", f.permission().resource());
            node.put("reason", f.permission().reason());
            node.put("verdict", f.allowed() ? "OK" : f.denied() ? "DENIED" : "MISSING");
            if (!f.allowed()) {
                missing.add(f.describe());
            }
        }
        if (auth instanceof ClusterAuth.SaslScram || auth instanceof ClusterAuth.SaslPlain
                || auth instanceof ClusterAuth.MutualTls) {
            KafkaAcls.describe(KafkaAcls.requiredFor(PRINCIPAL_PLACEHOLDER, mapping.topic(), mapping.consumerGroupId()))
                    .forEach(body.putArray("kafkaAcls")::add);
        }
        return body;
    }

    /** The method the pollers would use; an MSK cluster missing from the registry is an error the user can fix. */
    private ClusterAuth authOf(EventSourceMapping mapping) {
        try {
            if (!mapping.isMsk()) {
                return AccessConfigurations.selfManaged(mapping.sourceAccessConfigurations());
            }
            return context.clusters().findForEventSource(mapping.eventSourceArn())
                    .map(c -> AccessConfigurations.msk(mapping.sourceAccessConfigurations(), c).auth())
                    .orElseThrow(() -> ApiException.invalidParameter("Cluster not found: " + mapping.eventSourceArn()
                            + ". Register it (triggerlab cluster add) to check this mapping's policy"));
        } catch (InvalidAccessConfigurationException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }
}
