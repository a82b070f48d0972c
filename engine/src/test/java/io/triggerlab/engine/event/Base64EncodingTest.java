package io.triggerlab.engine.event;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Base64EncodingTest {

    @Test
    void matchesJdkEncoder_forEveryLengthUpTo300_atAnOffset() {
        SplittableRandom random = new SplittableRandom(42);
        for (int length = 0; length <= 300; length++) {
            byte[] src = new byte[length];
            for (int i = 0; i < length; i++) {
                src[i] = (byte) random.nextInt(256);
            }
            byte[] expected = Base64.getEncoder().encode(src);
            byte[] dst = new byte[7 + expected.length + 3];

            int end = Base64Encoding.encode(src, dst, 7);

            assertThat(end).isEqualTo(7 + expected.length);
            assertThat(Base64Encoding.encodedLength(length)).isEqualTo(expected.length);
            assertThat(java.util.Arrays.copyOfRange(dst, 7, end)).isEqualTo(expected);
        }
    }
}
