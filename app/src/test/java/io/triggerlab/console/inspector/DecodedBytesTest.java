package io.triggerlab.console.inspector;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodedBytesTest {

    private static DecodedBytes utf8(String text) {
        return DecodedBytes.ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trailingContentAfterAJsonDocument_isNotJson_andTheMarkerSaysWhatFollowsAndWhere() {
        DecodedBytes value = utf8("{\"orderId\": 1, \"item\": \"kettle\"},oops");

        assertThat(value.prettyJson()).isEmpty();
        DecodedBytes.Shown shown = value.shown(ValueMode.JSON);
        assertThat(shown.text()).isEqualTo("{\"orderId\": 1, \"item\": \"kettle\"},oops");
        assertThat(shown.marker()).isEqualTo("Not JSON: 5 more bytes follow the JSON document at byte 32 "
                + "(line 1, column 33): ,oops. Shown as UTF-8 text.");
        assertThat(value.summary()).isEqualTo("37 bytes · UTF-8 text");
        assertThat(value.preview(ValueMode.JSON, 200)).isEqualTo("⚠ not JSON: {\"orderId\": 1, \"item\": \"kettle\"},oops");
    }

    @Test
    void twoDocuments_aBrokenDocument_andScalars_areEachExplained() {
        assertThat(utf8("{\"a\":1}\n{\"b\":2}").notJsonReason())
                .isEqualTo("7 more bytes follow the JSON document at byte 8 (line 2, column 1): {\"b\":2}");
        assertThat(utf8("{\"a\":1,}").notJsonReason()).startsWith("it is not valid JSON at byte 7 (line 1, column 8)");
        assertThat(utf8("42").notJsonReason()).isEqualTo("it is a single JSON number, not an object or array");
        assertThat(utf8("hello").notJsonReason()).isEqualTo("it does not start with { or [ (byte 0 is 'h')");
        assertThat(utf8("").notJsonReason()).isEqualTo("it is empty");
        assertThat(utf8("  [1, 2]  \n").prettyJson()).contains("[ 1, 2 ]");
    }

    @Test
    void binaryBytes_fallBackToHex_withTheOffendingByteNamed() {
        byte[] bytes = new byte[18];
        bytes[0] = 0x41;
        bytes[1] = (byte) 0xC3;
        DecodedBytes binary = DecodedBytes.ofBytes(bytes);

        assertThat(binary.text()).isEmpty();
        assertThat(binary.shown(ValueMode.TEXT).text()).startsWith("41 c3 00");
        assertThat(binary.shown(ValueMode.TEXT).marker())
                .isEqualTo("Not UTF-8 text: byte 1 (0xc3) is not valid UTF-8. Shown as hex.");
        assertThat(binary.hex().lines()).hasSize(2);
        assertThat(binary.preview(ValueMode.HEX, 8)).isEqualTo("41 c3 00…");
        assertThat(binary.summary()).isEqualTo("18 bytes · binary (not UTF-8)");
        assertThat(binary.hexDump().lines()).containsExactly(
                "00000000  41 c3 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |A...............|",
                "00000010  00 00                                             |..|");
    }

    @Test
    void invalidBase64_saysWhichFieldAndWhy() {
        assertThatThrownBy(() -> DecodedBytes.ofBase64("not base64!", "The value of orders-0 offset 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The value of orders-0 offset 3 is not valid base64:");
    }
}
