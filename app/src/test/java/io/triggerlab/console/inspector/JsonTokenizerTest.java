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
    void everyDisplayLineIsColouredFromTheRunsItOverlaps() {
        String json = "{\n  \"k\" : \"v\",\n\n  \"n\" : [ 1, -2 ]\n}";

        ColouredJson coloured = ColouredJson.of(json);

        assertThat(coloured.lineCount()).isEqualTo(5);
        assertThat(coloured.line(2)).isEmpty();
        assertThat(lineRuns(coloured, 1)).containsExactly("PUNCTUATION:  ", "KEY:\"k\"", "PUNCTUATION: : ",
                "STRING:\"v\"", "PUNCTUATION:,");
        assertThat(lineRuns(coloured, 3)).containsExactly("PUNCTUATION:  ", "KEY:\"n\"", "PUNCTUATION: : [ ",
                "NUMBER:1", "PUNCTUATION:, ", "NUMBER:-2", "PUNCTUATION: ]");
        assertThat(lineRuns(coloured, 4)).containsExactly("PUNCTUATION:}");
        assertThat(coloured.note()).isEmpty();
        assertThat(ColouredJson.EMPTY.lineCount()).isZero();
    }

    @Test
    void aLongLineIsWrapped_andItsStringKeepsItsColourOnEveryPiece() {
        String value = "A".repeat(ColouredJson.MAX_LINE * 2 + 10);
        String json = "{\n  \"value\" : \"" + value + "\"\n}";

        ColouredJson coloured = ColouredJson.of(json);

        assertThat(coloured.lineCount()).isEqualTo(5);
        assertThat(coloured.line(1)).hasSize(ColouredJson.MAX_LINE);
        assertThat(coloured.isContinuation(1)).isFalse();
        assertThat(coloured.isContinuation(2)).isTrue();
        assertThat(coloured.isContinuation(3)).isTrue();
        assertThat(coloured.isContinuation(4)).isFalse();
        assertThat(lineRuns(coloured, 2)).containsExactly("STRING:" + "A".repeat(ColouredJson.MAX_LINE));
        assertThat(lineRuns(coloured, 3)).last().asString().endsWith("A\"");
        assertThat(coloured.textOfLines(java.util.List.of(3, 1, 2, 4))).isEqualTo(json.substring(2));
        assertThat(coloured.note()).isEqualTo("1 long line wrapped at 120 characters (↪)");
    }

    @Test
    void aSixMegabyteEvent_isColouredToItsLastLine() {
        String record = "{\n  \"topic\" : \"orders\",\n  \"offset\" : 12345,\n  \"value\" : \"eyJvcmRlcklkIjoxfQ==\"\n},\n";
        String json = "[\n" + record.repeat(6 * 1024 * 1024 / record.length()) + "]";

        ColouredJson coloured = ColouredJson.of(json);

        int last = coloured.lineCount() - 2;
        assertThat(coloured.line(last)).isEqualTo("},");
        assertThat(lineRuns(coloured, last - 1)).containsExactly("PUNCTUATION:  ", "KEY:\"value\"", "PUNCTUATION: : ",
                "STRING:\"eyJvcmRlcklkIjoxfQ==\"");
        assertThat(coloured.textOfLines(java.util.stream.IntStream.range(0, coloured.lineCount()).boxed().toList()))
                .isEqualTo(json);
    }

    private static List<String> lineRuns(ColouredJson coloured, int line) {
        return runs(coloured.line(line), coloured.spansOfLine(line));
    }
}
