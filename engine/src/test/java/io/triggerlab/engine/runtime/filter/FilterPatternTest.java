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
                arguments("300 is not 300.0", "{\"v\":[300]}", "{\"v\":300.0}", false),
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
                arguments("empty pattern matches all", "{}", "{\"a\":1}", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void matchesLikeEventBridge(String name, String pattern, String event, boolean expected) throws Exception {
        JsonNode node = JSON.readTree(event);
        assertThat(FilterPattern.parse(pattern).matches(node)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("{value: x", "the Pattern is not valid JSON ("),
                arguments("[1]", "the Pattern is JSON but not an object"),
                arguments("", "the Pattern is empty"),
                arguments("{\"value\":\"x\"}", "at \"value\": the value \"x\" must be a list of matches, such as [\"x\"]"),
                arguments("{\"value\":{\"a\":[]}}", "at \"value.a\": the match list is empty"),
                arguments("{\"v\":[{\"prefix\":1}]}", "at \"v\": \"prefix\" takes a string, not 1"),
                arguments("{\"v\":[{\"numeric\":[\">\"]}]}", "at \"v\": \"numeric\" needs one or two operator/number pairs"),
                arguments("{\"v\":[{\"numeric\":[\"!\",1]}]}", "is not an operator (=, <, <=, >, >=)"),
                arguments("{\"v\":[{\"numeric\":[\">\",5,\"<\",1]}]}", "range is empty"),
                arguments("{\"v\":[{\"exists\":\"yes\"}]}", "\"exists\" takes true or false"),
                arguments("{\"v\":[{\"wildcard\":\"a*\"}]}", "\"wildcard\" is an EventBridge operator that Lambda event filtering does not support"),
                arguments("{\"v\":[{\"regex\":\"a\"}]}", "unknown operator \"regex\""),
                arguments("{\"$or\":[{\"a\":[1]}]}", "\"$or\" needs a list of at least two pattern objects"),
                arguments("{\"v\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}", "an operator object holds exactly one operator"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refused")
    void refusesPatternsLambdaWouldNotTake_withWhatAndWhere(String pattern, String message) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(InvalidFilterPatternException.class)
                .hasMessageContaining(message);
    }
}
