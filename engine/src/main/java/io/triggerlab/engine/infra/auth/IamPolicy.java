package io.triggerlab.engine.infra.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An IAM identity policy, enough to answer "may this role do action A on resource R": {@code Allow}/{@code Deny},
 * {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource}, with {@code *} and {@code ?} wildcards
 * (actions case-insensitive). {@code Condition} blocks are not evaluated: a statement with one is taken to apply,
 * and {@link #hasConditions()} says so, so the report can warn.
 */
public final class IamPolicy {

    /** AWS's managed policy for Lambda's MSK pollers, as published. */
    public static final String AWS_LAMBDA_MSK_EXECUTION_ROLE = "AWSLambdaMSKExecutionRole";
    private static final String AWS_LAMBDA_MSK_EXECUTION_ROLE_JSON = "{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Action\":[\"kafka:DescribeCluster\",\"kafka:DescribeClusterV2\","
            + "\"kafka:GetBootstrapBrokers\",\"ec2:CreateNetworkInterface\",\"ec2:DescribeNetworkInterfaces\","
            + "\"ec2:DescribeVpcs\",\"ec2:DeleteNetworkInterface\",\"ec2:DescribeSubnets\","
            + "\"ec2:DescribeSecurityGroups\",\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
            + "\"Resource\":\"*\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<Statement> statements;

    private IamPolicy(String name, List<Statement> statements) {
        this.name = name;
        this.statements = List.copyOf(statements);
    }

    private record Statement(boolean allow, List<Pattern> actions, boolean notAction, List<Pattern> resources,
                             boolean notResource, boolean conditional) {
        boolean applies(String action, String resource) {
            boolean actionListed = actions.stream().anyMatch(p -> p.matcher(action.toLowerCase(Locale.ROOT)).matches());
            boolean resourceListed = resources.stream().anyMatch(p -> p.matcher(resource).matches());
            return actionListed != notAction && resourceListed != notResource;
        }
    }

    /** The managed policy by name ({@value #AWS_LAMBDA_MSK_EXECUTION_ROLE}), or a policy document. */
    public static IamPolicy of(String managedNameOrJson) {
        String text = managedNameOrJson.strip();
        if (text.equals(AWS_LAMBDA_MSK_EXECUTION_ROLE) || text.endsWith(":policy/service-role/" + AWS_LAMBDA_MSK_EXECUTION_ROLE)) {
            return parse(AWS_LAMBDA_MSK_EXECUTION_ROLE, AWS_LAMBDA_MSK_EXECUTION_ROLE_JSON);
        }
        if (!text.startsWith("{")) {
            throw new IllegalArgumentException("'" + text + "' is neither a policy document (JSON) nor a managed policy "
                    + "TriggerLab knows (" + AWS_LAMBDA_MSK_EXECUTION_ROLE + ")");
        }
        return parse("policy", text);
    }

    /** Parses a policy document; {@code name} labels it in reports. */
    public static IamPolicy parse(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Policy " + name + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode statementNode = root == null ? null : root.get("Statement");
        if (statementNode == null) {
            throw new IllegalArgumentException("Policy " + name + " has no \"Statement\"");
        }
        List<Statement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode s : statementNode.isArray() ? statementNode : List.of(statementNode)) {
            statements.add(statement(name, index++, s));
        }
        return new IamPolicy(name, statements);
    }

    private static Statement statement(String policy, int index, JsonNode s) {
        String where = "Policy " + policy + " Statement[" + index + "]";
        String effect = s.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(where + ": \"Effect\" must be Allow or Deny, not '" + effect + "'");
        }
        boolean notAction = s.has("NotAction");
        JsonNode actions = notAction ? s.get("NotAction") : s.get("Action");
        if (actions == null) {
            throw new IllegalArgumentException(where + " has neither \"Action\" nor \"NotAction\"");
        }
        boolean notResource = s.has("NotResource");
        JsonNode resources = notResource ? s.get("NotResource") : s.get("Resource");
        return new Statement(effect.equals("Allow"), patterns(actions, true), notAction,
                resources == null ? List.of(wildcard("*", false)) : patterns(resources, false), notResource,
                s.has("Condition"));
    }

    private static List<Pattern> patterns(JsonNode node, boolean lowerCase) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            out.add(wildcard(n.asText(), lowerCase));
        }
        return out;
    }

    private static Pattern wildcard(String glob, boolean lowerCase) {
        String text = lowerCase ? glob.toLowerCase(Locale.ROOT) : glob;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public String name() {
        return name;
    }

    /** Whether any statement has a Condition, which this check does not evaluate. */
    public boolean hasConditions() {
        return statements.stream().anyMatch(Statement::conditional);
    }

    boolean allows(String action, String resource) {
        return statements.stream().anyMatch(s -> s.allow() && s.applies(action, resource));
    }

    boolean denies(String action, String resource) {
        return statements.stream().anyMatch(s -> !s.allow() && s.applies(action, resource));
    }
}
