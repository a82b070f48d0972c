package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.infra.auth.KafkaAcls;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import org.apache.kafka.common.acl.AclBinding;

import java.util.List;

/**
 * {@code /triggerlab/v1/sandbox[/users|/esm-acls]}: the secured sandbox's CA, SCRAM users and ACLs, so users rehearse
 * cluster authentication locally (the engine must run with {@code --secured-sandbox}).
 * <pre>
 * GET  sandbox            {"secured":true,"schemaRegistry","clusterArn","bootstrapBrokers":{…},"caFile","caCertificate",
 *                         "caSecretArn"} ({"secured":false,"schemaRegistry"} without a secured sandbox; no
 *                         "schemaRegistry" on an external cluster)
 * POST sandbox/users      {"name","password","mechanism"?: "SCRAM-SHA-512"|"SCRAM-SHA-256"}
 *                         201 {"name","mechanism","principal"}  (creates or replaces; the password is never echoed)
 * POST sandbox/esm-acls   {"user","topic","group"}   201 {"principal","acls":["ALLOW User:… READ on TOPIC …",…]}
 *                         (the five ACLs Lambda needs, docs/aws-behaviour.md#permissions; "*" for any topic or group)
 * </pre>
 */
final class SandboxRoutes extends ExtensionRoute {

    SandboxRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String item) {
        if (item == null) {
            requireMethod(request, "GET");
            return ApiResponse.ok(describe());
        }
        if (!item.equals("users") && !item.equals("esm-acls")) {
            throw ApiException.resourceNotFound("No sandbox resource '" + item + "': use " + ExtensionRoutes.PREFIX
                    + "sandbox/users or " + ExtensionRoutes.PREFIX + "sandbox/esm-acls");
        }
        requireMethod(request, "POST");
        JsonFields body = body(request);
        return item.equals("users") ? addUser(body) : grantEsm(body);
    }

    private ObjectNode describe() {
        ObjectNode body = mapper.createObjectNode();
        SecuredSandbox sandbox = context.securedSandbox();
        body.put("secured", sandbox != null);
        if (context.schemaRegistry() != null) {
            body.put("schemaRegistry", context.schemaRegistry().toString());
        }
        if (sandbox == null) {
            return body;
        }
        context.clusters().list().stream()
                .filter(c -> ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(c.clusterName()))
                .map(KafkaCluster::clusterArn)
                .findFirst()
                .ifPresent(arn -> body.put("clusterArn", arn));
        body.putObject("bootstrapBrokers")
                .put("plaintext", sandbox.bootstrapBrokers().plaintext())
                .put("tls", sandbox.bootstrapBrokers().tls())
                .put("saslScram", sandbox.bootstrapBrokers().saslScram());
        body.put("caFile", sandbox.caFile().toString());
        body.put("caCertificate", sandbox.caCertificatePem());
        body.put("caSecretArn", SecuredSandbox.caSecretArn(context.region(), context.accountId()));
        return body;
    }

    private ApiResponse addUser(JsonFields body) {
        SecuredSandbox sandbox = requireSecured();
        String name = required(body.string("name"), "name", "the SCRAM user name");
        String password = required(body.string("password"), "password", "the user's password");
        String mechanism = body.string("mechanism") == null ? "SCRAM-SHA-512" : body.string("mechanism");
        try {
            sandbox.upsertScramUser(mechanism, name, password);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
        ObjectNode created = mapper.createObjectNode();
        created.put("name", name).put("mechanism", mechanism).put("principal", "User:" + name);
        return ApiResponse.created(created);
    }

    private ApiResponse grantEsm(JsonFields body) {
        SecuredSandbox sandbox = requireSecured();
        String user = required(body.string("user"), "user", "the SCRAM user or client certificate CN");
        String topic = required(body.string("topic"), "topic", "the mapping's topic (or *)");
        String group = required(body.string("group"), "group", "the mapping's consumer group: its UUID or "
                + "ConsumerGroupId (or *)");
        try {
            SecuredSandbox.requireUserName(user);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
        List<AclBinding> acls = KafkaAcls.requiredFor("User:" + user, topic, group);
        sandbox.createAcls(acls);
        ObjectNode granted = mapper.createObjectNode();
        granted.put("principal", "User:" + user);
        KafkaAcls.describe(acls).forEach(granted.putArray("acls")::add);
        return ApiResponse.created(granted);
    }

    private SecuredSandbox requireSecured() {
        if (context.securedSandbox() == null) {
            throw ApiException.invalidParameter("This engine runs no secured sandbox, so it has no SCRAM users or "
                    + "ACLs: start it with 'triggerlab serve --secured-sandbox' (EngineConfig.withSecuredSandbox(true))");
        }
        return context.securedSandbox();
    }

    private static String required(String value, String member, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter(member + " is required: " + what);
        }
        return value;
    }
}
