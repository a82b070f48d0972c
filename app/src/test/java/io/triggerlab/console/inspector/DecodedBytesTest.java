package io.triggerlab.console.inspector;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodedBytesTest {

    @Test
    void textThatIsNotJson_staysText_andScalarsAreNotJsonValues() {
        DecodedBytes plain = DecodedBytes.ofBytes("42".getBytes(StandardCharsets.UTF_8));

        assertThat(plain.text()).contains("42");
        assertThat(plain.prettyJson()).isEmpty();
        assertThat(plain.render(ValueMode.JSON)).isEqualTo("(not JSON; text:)\n42");
    }

    @Test
    void binaryBytes_fallBackToHex_sixteenPerLine() {
        byte[] bytes = new byte[18];
        bytes[0] = (byte) 0xC3;
        DecodedBytes binary = DecodedBytes.ofBytes(bytes);

        assertThat(binary.text()).isEmpty();
        assertThat(binary.render(ValueMode.TEXT)).startsWith("(not UTF-8 text; hex:)\nc3 00");
        assertThat(binary.hex().lines()).hasSize(2);
        assertThat(binary.preview(ValueMode.HEX, 8)).isEqualTo("c3 00 00…");
    }

    @Test
    void invalidBase64_saysWhichFieldAndWhy() {
        assertThatThrownBy(() -> DecodedBytes.ofBase64("not base64!", "The value of orders-0 offset 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The value of orders-0 offset 3 is not valid base64:");
    }
}
