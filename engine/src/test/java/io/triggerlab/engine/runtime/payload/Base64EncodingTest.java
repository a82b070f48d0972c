package io.triggerlab.engine.runtime.payload;

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

    @Test
    void fasterEncoderMatchesJdkEncoder_forEveryLengthUpTo300_atAnOffset() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] scratch = new byte[400];
        for (int length = 0; length <= 300; length++) {
            byte[] src = new byte[length];
            for (int i = 0; i < length; i++) {
                src[i] = (byte) random.nextInt(256);
            }
            byte[] expected = Base64.getEncoder().encode(src);
            byte[] dst = new byte[5 + expected.length + 3];

            int end = Base64Encoding.encode(src, dst, 5, scratch);

            assertThat(end).isEqualTo(5 + expected.length);
            assertThat(java.util.Arrays.copyOfRange(dst, 5, end)).isEqualTo(expected);
        }
    }

    @Test
    void usesTheJdkEncoder_whereHotSpotCompilesItToAnIntrinsic() {
        String flag = java.lang.management.ManagementFactory
                .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("UseBASE64Intrinsics").getValue();

        assertThat(Base64Encoding.JDK_INTRINSIC).isEqualTo(Boolean.parseBoolean(flag));
    }
}
