package io.triggerlab.engine.runtime.payload;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventBufferWriteTest {

    private final KafkaEventWriter writer = new KafkaEventWriter(EventFixtures.MSK);

    @Test
    void writesTheGoldenEvent_intoAReusedBuffer_asTheFirstLengthBytes() {
        EventBuffer buffer = new EventBuffer();
        writer.write(List.of(TestRecords.sized("big", 3, 7, 5000)), -1, buffer); // leaves a longer event behind

        int length = writer.write(EventFixtures.mskRecords(), -1, buffer);

        assertThat(Arrays.copyOf(buffer.array(), length)).isEqualTo(EventFixtures.resource("msk-event.json"));
    }

    @Test
    void writesTheSameBytesAsAFreshArray_whenTheSecondEventIsShorter_andKeepsTheArray() {
        EventBuffer buffer = new EventBuffer();
        var longer = List.of(TestRecords.sized("t", 0, 0, 3000), TestRecords.sized("t", 1, 9, 10));
        var shorter = List.of(TestRecords.sized("t", 0, 1, 20));

        int first = writer.write(longer, -1, buffer);
        byte[] array = buffer.array();
        int second = writer.write(shorter, writer.write(shorter).length, buffer);

        assertThat(first).isEqualTo(writer.write(longer).length);
        assertThat(Arrays.copyOf(buffer.array(), second)).isEqualTo(writer.write(shorter));
        assertThat(buffer.array()).isSameAs(array);
    }

    @Test
    void growsWithRoomToSpare_andStartsAfresh_afterDisown() {
        EventBuffer buffer = new EventBuffer();
        int length = writer.write(List.of(TestRecords.sized("t", 0, 0, 8000)), -1, buffer);
        byte[] array = buffer.array();

        assertThat(buffer.capacity()).isEqualTo(length + length / 8);
        buffer.disown();
        writer.write(List.of(TestRecords.sized("t", 0, 0, 10)), -1, buffer);

        assertThat(buffer.array()).isNotSameAs(array);
    }
}
