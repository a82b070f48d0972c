package io.triggerlab.engine.reliability;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault suite's verdicts must be right before they are trusted: each is checked on a known history here. */
class DeliveryLedgerTest {

    private final DeliveryLedger ledger = new DeliveryLedger(2);

    private static DeliveryLedger.Delivery d(int partition, long offset, String value) {
        return new DeliveryLedger.Delivery(partition, offset, value);
    }

    @Test
    void countsARecordDeliveredTwice_asOneDuplicate_andNotAsLost() {
        ledger.produced(0, 0, "a");
        ledger.produced(0, 1, "b");
        ledger.accepted(List.of(d(0, 0, "a"), d(0, 1, "b")));
        ledger.accepted(List.of(d(0, 1, "b")));

        assertThat(ledger.counts()).isEqualTo(new DeliveryLedger.Counts(2, 2, 1, 0, 0));
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.deliveredPrefix(0)).isEqualTo(2);
        assertThat(ledger.duplicateRuns()).containsExactly("partition 0 offsets 1..1");
    }

    @Test
    void countsAGapFilledLater_asOutOfOrder_andTheGapAsLostUntilThen() {
        for (int offset = 0; offset < 3; offset++) {
            ledger.produced(1, offset, "v" + offset);
        }
        ledger.accepted(List.of(d(1, 0, "v0"), d(1, 2, "v2")));
        assertThat(ledger.lost()).isEqualTo(1);
        assertThat(ledger.deliveredPrefix(1)).isEqualTo(1);

        ledger.accepted(List.of(d(1, 1, "v1")));

        assertThat(ledger.counts().outOfOrder()).isEqualTo(1);
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.examples()).containsExactly("out of order: partition 1 offset 1 first delivered after 2");
    }

    @Test
    void countsAValueThatWasNotProduced_atThatOffset() {
        ledger.produced(0, 0, "a");
        ledger.accepted(List.of(d(0, 0, "z")));

        assertThat(ledger.counts().wrongValues()).isEqualTo(1);
    }

    @Test
    void keepsPartitionsApart() {
        ledger.produced(0, 0, "a");
        ledger.produced(1, 0, "b");
        ledger.accepted(List.of(d(1, 0, "b"), d(0, 0, "a")));

        assertThat(ledger.counts()).isEqualTo(new DeliveryLedger.Counts(2, 2, 0, 0, 0));
    }
}
