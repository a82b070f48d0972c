package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.observe.history.BodyCodec.StoredBody;
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
    void randomValuesInBase64_areHuffmanCodedOnly_andRestoreByteIdentical() {
        byte[] event = TestInvocations.eventJson(1_000_000, 4); // random values: level 1 finds little to repeat
        assertThat(BodyCodec.repetitive(event)).isFalse();

        StoredBody stored = BodyCodec.encode(event);

        assertThat(stored.gzip()).isTrue();
        assertThat(stored.storedLength()).isLessThan(event.length * 8L / 10);
        assertThat(BodyCodec.decode(stored.bytes(), true)).isEqualTo(event);
    }

    @Test
    void repetitiveJson_isCompressedWithLz77_andRestoresByteIdentical() {
        byte[] json = "{\"orderId\":12345,\"status\":\"SHIPPED\",\"items\":[1,2,3]},".repeat(20_000)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(BodyCodec.repetitive(json)).isTrue();

        StoredBody stored = BodyCodec.encode(json);

        assertThat(stored.storedLength()).isLessThan(json.length / 20L);
        assertThat(BodyCodec.decode(stored.bytes(), true)).isEqualTo(json);
    }

    @Test
    void nullStaysNull() {
        assertThat(BodyCodec.encode(null).bytes()).isNull();
        assertThat(BodyCodec.decode(null, false)).isNull();
    }
}
