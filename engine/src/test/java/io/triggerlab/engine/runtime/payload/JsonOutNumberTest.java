package io.triggerlab.engine.runtime.payload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonOutNumberTest {

    @Test
    void sizesAndWritesEveryNumberAsLongToStringDoes_atEachPowerOfTenAndTheExtremes() {
        List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        long power = 1;
        for (int i = 0; i < 19; i++) {
            values.addAll(List.of(power - 1, power, power + 1, -power, -(power - 1)));
            power *= 10;
        }
        for (long v : values) {
            JsonOut out = new JsonOut(new byte[20]);

            out.number(v);

            String expected = Long.toString(v);
            assertThat(JsonOut.sizeOfNumber(v)).as("size of %d", v).isEqualTo(expected.length());
            assertThat(new String(out.buffer(), 0, out.position(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        }
    }
}
