package io.triggerlab.engine.history;

import io.triggerlab.engine.history.BodyCodec.StoredBody;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyCodecTest {

    @Test
    void keepsSmallBodiesAsTheyAre() {
        byte[] small = TestInvocations.eventJson(BodyCodec.COMPRESS_ABOVE_BYTES, 1);
        StoredBody stored = BodyCodec.encode(small);
        assertThat(stored.gzip()).isFalse();
        assertThat(stored.bytes()).isEqualTo(small);
    }

    @Test
    void compressesLargeEventJson_andRestoresItExactly() {
        byte[] event = TestInvocations.eventJson(100_000, 2);
        StoredBody stored = BodyCodec.encode(event);
        assertThat(stored.gzip()).isTrue();
        assertThat(stored.storedLength()).isLessThan(event.length * 9L / 10);
        assertThat(BodyCodec.decode(stored.bytes(), true)).isEqualTo(event);
    }

    @Test
    void keepsIncompressibleBodiesRaw() {
        byte[] random = TestInvocations.randomBytes(50_000, 3);
        StoredBody stored = BodyCodec.encode(random);
        assertThat(stored.gzip()).isFalse();
        assertThat(stored.bytes()).isEqualTo(random);
    }

    @Test
    void nullStaysNull() {
        assertThat(BodyCodec.encode(null).bytes()).isNull();
        assertThat(BodyCodec.decode(null, false)).isNull();
    }
}
