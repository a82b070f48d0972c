package io.triggerlab.console.inspector;

import io.triggerlab.console.inspector.JsonSpan.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTokenizerTest {

    /** "KIND:text" per run, to compare whole tokenizations at a glance. */
    private static List<String> runs(String text, List<JsonSpan> spans) {
        return spans.stream().map(s -> s.kind() + ":" + text.substring(s.start(), s.end())).toList();
    }

    @Test
    void keysStringsNumbersAndLiterals_eachGetTheirKind() {
        String json = "{\n  \"offset\" : -12.5e3,\n  \"key\" : \"a:b\",\n  \"ok\" : true,\n  \"none\" : null\n}";

        assertThat(runs(json, JsonTokenizer.tokenize(json))).containsExactly(
                "PUNCTUATION:{\n  ", "KEY:\"offset\"", "PUNCTUATION: : ", "NUMBER:-12.5e3", "PUNCTUATION:,\n  ",
                "KEY:\"key\"", "PUNCTUATION: : ", "STRING:\"a:b\"", "PUNCTUATION:,\n  ",
                "KEY:\"ok\"", "PUNCTUATION: : ", "LITERAL:true", "PUNCTUATION:,\n  ",
                "KEY:\"none\"", "PUNCTUATION: : ", "LITERAL:null", "PUNCTUATION:\n}");
    }

    @Test
    void escapedQuotesStayInsideTheirString() {
        String json = "[\"say \\\"hi\\\"\", \"c:\\\\\"]";

        assertThat(runs(json, JsonTokenizer.tokenize(json))).containsExactly(
                "PUNCTUATION:[", "STRING:\"say \\\"hi\\\"\"", "PUNCTUATION:, ", "STRING:\"c:\\\\\"", "PUNCTUATION:]");
    }

    @Test
    void headerByteArrays_colourEveryNumber() {
        String json = "\"customer\" : [ 90, 111, -61, -85 ]";

        List<JsonSpan> spans = JsonTokenizer.tokenize(json);

        assertThat(spans).filteredOn(s -> s.kind() == Kind.NUMBER).extracting(s -> json.substring(s.start(), s.end()))
                .containsExactly("90", "111", "-61", "-85");
    }

    @Test
    void runsCoverEveryCharacterInOrder_evenForTextThatIsNotJson() {
        String text = "The engine did not keep this event's JSON (it was 10 B); \"quoted\" true 42";

        List<JsonSpan> spans = JsonTokenizer.tokenize(text);

        assertThat(spans.get(0).start()).isZero();
        assertThat(spans.get(spans.size() - 1).end()).isEqualTo(text.length());
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isEqualTo(spans.get(i - 1).end());
            assertThat(spans.get(i).kind()).as("adjacent runs of one kind are merged").isNotEqualTo(spans.get(i - 1).kind());
        }
    }

    @Test
    void aCutOffString_endsAtTheLimit() {
        String json = "{\"value\" : \"unterminated";

        assertThat(runs(json, JsonTokenizer.tokenize(json))).containsExactly(
                "PUNCTUATION:{", "KEY:\"value\"", "PUNCTUATION: : ", "STRING:\"unterminated");
    }

    @Test
    void aLargeText_isColouredUpToTheLastLineBreakBeforeTheLimit() {
        String line = "  \"k\" : \"vvvvvvvvvv\",\n"; // 22 characters
        String json = "{\n" + line.repeat(100) + "}";

        ColouredJson coloured = ColouredJson.of(json, 100);

        assertThat(coloured.colouredChars()).isEqualTo(2 + line.length() * 4);
        assertThat(json.charAt(coloured.colouredChars() - 1)).isEqualTo('\n');
        assertThat(coloured.truncated()).isTrue();
        assertThat(coloured.note()).isEqualTo("Showing the first 0 KB coloured (of 2 KB); tick Plain text to see all of it. "
                + "Copy copies all of it.");
        assertThat(ColouredJson.of("{}").truncated()).isFalse();
        assertThat(ColouredJson.of("{}").note()).isEmpty();
    }

    @Test
    void aMultiMegabyteEvent_coloursOnlyAPrefixOfAFewDozenKb() {
        String record = "{\n  \"topic\" : \"orders\",\n  \"offset\" : 12345,\n  \"value\" : \"eyJvcmRlcklkIjoxfQ==\"\n},\n";
        String json = "[\n" + record.repeat(6 * 1024 * 1024 / record.length()) + "]";

        ColouredJson coloured = ColouredJson.of(json);

        assertThat(coloured.colouredChars()).isLessThanOrEqualTo(ColouredJson.COLOURED_LIMIT)
                .isGreaterThan(ColouredJson.COLOURED_LIMIT - record.length());
        assertThat(coloured.note()).matches("Showing the first (31|32) KB coloured \\(of 6\\.0 MB\\); tick Plain text to see all of it\\. Copy copies all of it\\.");
    }
}
