package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FilterPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> matching() {
        return Stream.of(
                arguments("exact string", "{\"v\":[\"a\"]}", "{\"v\":\"a\"}", true),
                arguments("exact string, other value", "{\"v\":[\"a\"]}", "{\"v\":\"b\"}", false),
                arguments("OR list", "{\"v\":[\"a\",\"b\"]}", "{\"v\":\"b\"}", true),
                arguments("number by its text", "{\"v\":[300]}", "{\"v\":300}", true),
                // Finding (docs/aws-reading.md): our old matcher compared numbers by their text, as older EventBridge
                // docs say; Event Ruler 1.8.1 compares them by value, so 300 matches 300.0.
                arguments("300 matches 300.0 (Event Ruler compares numbers by value)", "{\"v\":[300]}", "{\"v\":300.0}", true),
                arguments("number is not its string", "{\"v\":[300]}", "{\"v\":\"300\"}", false),
                arguments("null matches null", "{\"v\":[null]}", "{\"v\":null}", true),
                arguments("null does not match absent", "{\"v\":[null]}", "{}", false),
                arguments("empty string", "{\"v\":[\"\"]}", "{\"v\":\"\"}", true),
                arguments("boolean", "{\"v\":[true]}", "{\"v\":true}", true),
                arguments("prefix", "{\"v\":[{\"prefix\":\"ab\"}]}", "{\"v\":\"abc\"}", true),
                arguments("prefix miss", "{\"v\":[{\"prefix\":\"ab\"}]}", "{\"v\":\"cab\"}", false),
                arguments("suffix", "{\"v\":[{\"suffix\":\".png\"}]}", "{\"v\":\"a.png\"}", true),
                arguments("equals-ignore-case", "{\"v\":[{\"equals-ignore-case\":\"ACTIVE\"}]}", "{\"v\":\"Active\"}", true),
                arguments("anything-but value", "{\"v\":[{\"anything-but\":\"x\"}]}", "{\"v\":\"y\"}", true),
                arguments("anything-but hit", "{\"v\":[{\"anything-but\":[\"x\",\"y\"]}]}", "{\"v\":\"y\"}", false),
                arguments("anything-but absent", "{\"v\":[{\"anything-but\":\"x\"}]}", "{}", false),
                arguments("anything-but prefix", "{\"v\":[{\"anything-but\":{\"prefix\":\"in\"}}]}", "{\"v\":\"out\"}", true),
                arguments("numeric range in", "{\"v\":[{\"numeric\":[\">\",0,\"<=\",5]}]}", "{\"v\":5}", true),
                arguments("numeric range out", "{\"v\":[{\"numeric\":[\">\",0,\"<=\",5]}]}", "{\"v\":0}", false),
                arguments("numeric equals", "{\"v\":[{\"numeric\":[\"=\",300]}]}", "{\"v\":300.0}", true),
                arguments("numeric on a string", "{\"v\":[{\"numeric\":[\">\",0]}]}", "{\"v\":\"7\"}", false),
                arguments("exists true", "{\"v\":[{\"exists\":true}]}", "{\"v\":1}", true),
                arguments("exists false", "{\"v\":[{\"exists\":false}]}", "{\"w\":1}", true),
                arguments("exists false, present", "{\"v\":[{\"exists\":false}]}", "{\"v\":1}", false),
                arguments("nested", "{\"a\":{\"b\":[\"x\"]}}", "{\"a\":{\"b\":\"x\",\"c\":1}}", true),
                arguments("nested, not an object", "{\"a\":{\"b\":[\"x\"]}}", "{\"a\":\"x\"}", false),
                arguments("all fields must match", "{\"a\":[1],\"b\":[2]}", "{\"a\":1,\"b\":3}", false),
                arguments("array value, any element", "{\"v\":[\"x\"]}", "{\"v\":[\"w\",\"x\"]}", true),
                arguments("$or first", "{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}", "{\"a\":1}", true),
                arguments("$or second", "{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}", "{\"b\":2}", true),
                arguments("$or none", "{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}", "{\"a\":2}", false),
                // Finding: "exists" speaks for leaves only (the developer guide says so); the old matcher also let it
                // match objects and arrays.
                arguments("exists true on an object", "{\"v\":[{\"exists\":true}]}", "{\"v\":{\"a\":1}}", false),
                arguments("exists false on an empty array", "{\"v\":[{\"exists\":false}]}", "{\"v\":[]}", true),
                arguments("exists true on null", "{\"v\":[{\"exists\":true}]}", "{\"v\":null}", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void matchesLikeEventBridge(String name, String pattern, String event, boolean expected) throws Exception {
        JsonNode node = JSON.readTree(event);
        assertThat(FilterPattern.parse(pattern).matches(node)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        // The words are Event Ruler's (Lambda answers all of these "Invalid filter pattern definition."), except the
        // empty pattern and the EventBridge-only operators, which are Lambda's narrowing of the syntax.
        return Stream.of(
                arguments("{value: x", "was expecting double-quote to start field name (at column 2)"),
                arguments("[1]", "Filter is not an object"),
                arguments("", "the Pattern is empty"),
                arguments("{\"value\":\"x\"}", "\"value\" must be an object or an array (at column 11)"),
                arguments("{\"value\":{\"a\":[]}}", "Empty arrays are not allowed"),
                arguments("{\"v\":[{\"prefix\":1}]}", "prefix match pattern must be a string"),
                arguments("{\"v\":[{\"numeric\":[\">\"]}]}", "Value of > must be numeric"),
                arguments("{\"v\":[{\"numeric\":[\"!\",1]}]}", "Unrecognized numeric range operator: !"),
                arguments("{\"v\":[{\"numeric\":[\">\",5,\"<\",1]}]}", "Bottom must be less than top"),
                arguments("{\"v\":[{\"exists\":\"yes\"}]}", "exists match pattern must be either true or false"),
                arguments("{\"v\":[{\"wildcard\":\"a*\"}]}", "at \"v\": \"wildcard\" is an EventBridge operator that Lambda event filtering does not support"),
                arguments("{\"v\":[{\"anything-but\":{\"wildcard\":\"a*\"}}]}", "\"wildcard\" is an EventBridge operator"),
                arguments("{\"ip\":[{\"cidr\":\"10.0.0.0/8\"}]}", "at \"ip\": \"cidr\" is an EventBridge operator"),
                arguments("{\"v\":[{\"regex\":\"a\"}]}", "Unrecognized match type regex"),
                arguments("{\"$or\":[{\"a\":[1]}]}", "There must have at least 2 Objects in $or relationship"),
                arguments("{\"v\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}", "Only one key allowed in match expression"),
                // Finding: the old parser took {} as "match everything"; Event Ruler refuses it.
                arguments("{}", "Empty objects are not allowed"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refused")
    void refusesPatternsLambdaWouldNotTake_withWhatAndWhere(String pattern, String message) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(InvalidFilterPatternException.class)
                .hasMessageContaining(message);
    }
}
