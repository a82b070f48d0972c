package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The part of pattern checking that is Lambda's, not EventBridge's: Lambda event filtering documents a subset of
 * EventBridge's operators (docs/aws-behaviour.md#filtering), so the ones Event Ruler accepts for EventBridge alone ({@code wildcard},
 * {@code cidr}) are refused here with a message saying so. Everything else is left to Event Ruler.
 */
final class LambdaFilterSyntax {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> EVENTBRIDGE_ONLY = Set.of("wildcard", "cidr");
    private static final String LAMBDA_OPERATORS = "prefix, suffix, equals-ignore-case, anything-but, numeric or exists";

    private LambdaFilterSyntax() {
    }

    static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFilterPatternException("the Pattern is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Event Ruler words the syntax error; this layer only looks at well-formed patterns.
            return;
        }
        walk(root, "");
    }

    private static void walk(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                walk(value, at);
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    if (field.getKey().equals("$or")) {
                        walk(element, path);
                    } else if (element.isObject()) {
                        operators(element, at);
                    }
                }
            }
        }
    }

    private static void operators(JsonNode matchExpression, String at) {
        Iterator<Map.Entry<String, JsonNode>> ops = matchExpression.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (EVENTBRIDGE_ONLY.contains(op.getKey())) {
                throw new InvalidFilterPatternException("at \"" + at + "\": \"" + op.getKey() + "\" is an EventBridge"
                        + " operator that Lambda event filtering does not support; use " + LAMBDA_OPERATORS);
            }
            if (op.getValue().isObject()) {
                operators(op.getValue(), at);
            }
        }
    }
}
