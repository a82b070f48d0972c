package io.triggerlab.engine.runtime.payload;

import io.triggerlab.engine.runtime.schema.DecodedRecord;
import io.triggerlab.engine.runtime.schema.SchemaMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Builds Lambda's Kafka event JSON (docs/aws-behaviour.md#payload) byte for byte, without whitespace:
 * <pre>{"eventSource":…,"eventSourceArn":…,"bootstrapServers":…,"records":{"topic-0":[{…},{…}],"topic-1":[…]}}</pre>
 * {@code eventSourceArn} appears for MSK only. Each record is
 * <pre>{"topic":…,"partition":…,"offset":…,"timestamp":…,"timestampType":…,"key":…,"value":…,"headers":[{"k":[1,-2]}]}</pre>
 *
 * <p>Decisions where AWS is silent or the input has no AWS equivalent (docs/aws-behaviour.md#open-points):
 * <ul>
 *   <li><b>Null key</b>: the {@code key} field is omitted (AWS's own sample event has no key).</li>
 *   <li><b>Null value (tombstone)</b>: the {@code value} field is omitted, as real AWS tombstones arrive with
 *       {@code value} absent, not {@code null} (docs/aws-behaviour.md#payload, powertools-lambda-typescript#5016).</li>
 *   <li><b>Null header value</b>: written as an empty array {@code []}, so it reads back as an empty {@code byte[]}.
 *       Every AWS event library types header values as non-null byte arrays; a JSON {@code null} there would
 *       break their parsers, and losing the null/empty distinction is the lesser harm.</li>
 *   <li><b>{@code NO_TIMESTAMP_TYPE}</b>: {@code "timestampType":"NO_TIMESTAMP_TYPE"} with the record's timestamp
 *       as given (Kafka uses -1). AWS's values are the names of Kafka's {@link TimestampType} constants, so the third
 *       constant's name is the consistent choice. It only occurs for pre-0.10 message formats, which Kafka 4 brokers
 *       no longer write.</li>
 *   <li>Duplicate header keys are kept, each as its own single-entry map, in record order; header bytes are signed.</li>
 * </ul>
 *
 * <p>Size arithmetic (for batch assembly without serializing twice): for a non-empty event,
 * {@code write(records).length == eventSize(Σ partitionSize(each distinct partition), Σ recordSize(each record))},
 * and for an empty one it is {@link #emptyEventSize()}. {@link #write} relies on the same arithmetic to allocate the
 * result exactly, and fails loudly if the two ever disagree.
 *
 * <p>Immutable and thread-safe; {@link #write} allocates only the returned array (none when given an
 * {@link EventBuffer} large enough) and small per-event indexes.
 */
public final class KafkaEventWriter {

    private static final byte[] TOPIC = ascii("{\"topic\":\"");
    private static final byte[] PARTITION = ascii("\",\"partition\":");
    private static final byte[] OFFSET = ascii(",\"offset\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[][] TIMESTAMP_TYPE = new byte[TimestampType.values().length][];
    private static final byte[] KEY = ascii(",\"key\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] HEADERS = ascii(",\"headers\":[");
    private static final byte[] RECORD_END = ascii("]}");
    private static final byte[] KEY_SCHEMA = ascii(",\"keySchemaMetadata\":{\"schemaId\":\"");
    private static final byte[] VALUE_SCHEMA = ascii(",\"valueSchemaMetadata\":{\"schemaId\":\"");
    private static final byte[] DATA_FORMAT = ascii("\",\"dataFormat\":\"");
    private static final byte[] SCHEMA_END = ascii("\"}");
    private static final byte[] ENVELOPE_END = ascii("}}");

    static {
        for (TimestampType type : TimestampType.values()) {
            TIMESTAMP_TYPE[type.ordinal()] = ascii(",\"timestampType\":\"" + type.name() + "\"");
        }
    }

    private final EventSource source;
    /** The envelope from its first byte up to and including the brace that opens {@code records}. */
    private final byte[] envelopeStart;

    public KafkaEventWriter(EventSource source) {
        this.source = Objects.requireNonNull(source, "source");
        this.envelopeStart = envelopeStart(source);
    }

    public EventSource source() {
        return source;
    }

    /**
     * The event for {@code records}, in batch order: grouped under {@code "<topic>-<partition>"} keys in order of first
     * appearance, each group in the order given (the caller passes each partition's records in offset order).
     *
     * @return a fresh array owned by the caller
     * @throws IllegalArgumentException if the event would not fit in a Java array (far beyond Lambda's 6 MB anyway)
     */
    public byte[] write(List<ConsumerRecord<byte[], byte[]>> records) {
        return write(records, -1);
    }

    /**
     * As {@link #write(List)}, for a caller that already knows the event's exact size (the batch assembler sized every
     * record as it arrived): sizing each record a second time was a fifth of the poller's time. A wrong size fails
     * loudly, as a wrong computed one would.
     *
     * @param knownSize the exact size of the event, or -1 to compute it
     */
    public byte[] write(List<ConsumerRecord<byte[], byte[]>> records, long knownSize) {
        List<ConsumerRecord<byte[], byte[]>> list = randomAccess(records);
        PartitionGroups groups = PartitionGroups.of(list);
        int size = checkedSize(list, groups, knownSize);
        byte[] event = new byte[size];
        writeExactly(event, groups, size, knownSize >= 0, list.size());
        return event;
    }

    /**
     * As {@link #write(List, long)}, into {@code buffer} instead of a fresh array: the event is the first
     * {@code length} bytes of {@code buffer.array()} (the rest is left over from earlier events) until the next write.
     *
     * @return the event's length
     */
    public int write(List<ConsumerRecord<byte[], byte[]>> records, long knownSize, EventBuffer buffer) {
        List<ConsumerRecord<byte[], byte[]>> list = randomAccess(records);
        PartitionGroups groups = PartitionGroups.of(list);
        int size = checkedSize(list, groups, knownSize);
        writeExactly(buffer.arrayFor(size), groups, size, knownSize >= 0, list.size());
        return size;
    }

    private static List<ConsumerRecord<byte[], byte[]>> randomAccess(List<ConsumerRecord<byte[], byte[]>> records) {
        return records instanceof RandomAccess ? records : new ArrayList<>(records);
    }

    private int checkedSize(List<ConsumerRecord<byte[], byte[]>> list, PartitionGroups groups, long knownSize) {
        long size = knownSize >= 0 ? knownSize : sizeOf(groups);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("An event of " + list.size() + " records would be " + size
                    + " bytes, more than a Java array holds; split the batch (Lambda's limit is 6,291,456 bytes)");
        }
        return (int) size;
    }

    /** Writes the event at the start of {@code array} and checks it took exactly {@code size} bytes. */
    private void writeExactly(byte[] array, PartitionGroups groups, int size, boolean given, int recordCount) {
        JsonOut out = new JsonOut(array);
        try {
            writeEvent(out, groups);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("Event size arithmetic is wrong: " + size + " bytes " + (given
                    ? "were given" : "were computed") + " for " + recordCount + " records, but the event is larger", e);
        }
        if (out.position() != size) {
            throw new IllegalStateException("Event size arithmetic is wrong: " + (given ? "given " : "computed ")
                    + size + " bytes, wrote " + out.position() + " — a bug in KafkaEventWriter or its caller");
        }
    }

    private void writeEvent(JsonOut out, PartitionGroups groups) {
        out.raw(envelopeStart);
        for (int g = 0; g < groups.groupCount(); g++) {
            ConsumerRecord<byte[], byte[]> first = groups.record(g, 0);
            if (g > 0) {
                out.raw(',');
            }
            out.raw('"');
            out.stringBody(first.topic());
            out.raw('-');
            out.number(first.partition());
            out.raw('"');
            out.raw(':');
            out.raw('[');
            byte[] topicBody = escapedBody(first.topic()); // escaped once per partition, copied into each record
            for (int i = 0; i < groups.groupSize(g); i++) {
                if (i > 0) {
                    out.raw(',');
                }
                writeRecord(out, groups.record(g, i), topicBody);
            }
            out.raw(']');
        }
        out.raw(ENVELOPE_END);
    }

    /** The size of an event with no records: {@code …,"records":{}}}. */
    public long emptyEventSize() {
        return envelopeStart.length + ENVELOPE_END.length;
    }

    /**
     * The exact size of an event from its parts.
     *
     * @param partitionBytes the sum of {@link #partitionSize} over the event's distinct partitions
     * @param recordBytes    the sum of {@link #recordSize} over its records (0 for an empty event)
     */
    public long eventSize(long partitionBytes, long recordBytes) {
        if (recordBytes == 0) {
            return emptyEventSize();
        }
        // Each partition list and each record is counted with one separator; the first partition list has none.
        return emptyEventSize() - 1 + partitionBytes + recordBytes;
    }

    /**
     * The bytes a partition list adds to an event besides its records: {@code "<topic>-<partition>":[]} plus the comma
     * that separates it from the previous list, less the comma its first record does not need.
     * That is simply the length of {@code "<topic>-<partition>":[]}.
     */
    public static long partitionSize(String topic, int partition) {
        return 2L + JsonOut.sizeOfStringBody(topic) + 1 + JsonOut.sizeOfNumber(partition) + 3;
    }

    public static long partitionSize(TopicPartition partition) {
        return partitionSize(partition.topic(), partition.partition());
    }

    /** The exact bytes {@code record} adds to its partition list: its JSON object plus one separating comma. */
    public static long recordSize(ConsumerRecord<byte[], byte[]> record) {
        return recordSize(record, topicBodySize(record.topic()));
    }

    /**
     * {@link #recordSize(ConsumerRecord)} for callers that size many records of one topic: {@code topicBodySize} is
     * {@link #topicBodySize(String)} of the record's topic, computed once rather than per record.
     */
    public static long recordSize(ConsumerRecord<byte[], byte[]> record, int topicBodySize) {
        long size = TOPIC.length + topicBodySize
                + PARTITION.length + JsonOut.sizeOfNumber(record.partition())
                + OFFSET.length + JsonOut.sizeOfNumber(record.offset())
                + TIMESTAMP.length + JsonOut.sizeOfNumber(record.timestamp())
                + TIMESTAMP_TYPE[record.timestampType().ordinal()].length
                + HEADERS.length + RECORD_END.length
                + 1; // the comma before it
        if (record.key() != null) {
            size += KEY.length + JsonOut.sizeOfBase64String(record.key());
        }
        if (record.value() != null) {
            size += VALUE.length + JsonOut.sizeOfBase64String(record.value());
        }
        boolean first = true;
        for (Header header : record.headers()) {
            // {"key":[…]} and a comma after the first
            size += (first ? 0 : 1) + 2 + JsonOut.sizeOfStringBody(header.key()) + 1 + 2
                    + JsonOut.sizeOfSignedByteArray(header.value());
            first = false;
        }
        if (record instanceof DecodedRecord decoded) {
            size += decoded.keySchema().map(m -> schemaSize(KEY_SCHEMA, m)).orElse(0L)
                    + decoded.valueSchema().map(m -> schemaSize(VALUE_SCHEMA, m)).orElse(0L);
        }
        return size;
    }

    private static long schemaSize(byte[] opening, SchemaMetadata metadata) {
        return opening.length + JsonOut.sizeOfStringBody(metadata.schemaId()) + DATA_FORMAT.length
                + metadata.dataFormat().name().length() + SCHEMA_END.length;
    }

    /** The bytes a topic name takes inside a JSON string (escaped, UTF-8). */
    public static int topicBodySize(String topic) {
        return JsonOut.sizeOfStringBody(topic);
    }

    /** The canonical partition key of the event's {@code records} map: {@code <topic>-<partition>}. */
    public static String partitionKey(String topic, int partition) {
        return topic + "-" + partition;
    }

    private long sizeOf(PartitionGroups groups) {
        long partitionBytes = 0;
        long recordBytes = 0;
        for (int g = 0; g < groups.groupCount(); g++) {
            ConsumerRecord<byte[], byte[]> first = groups.record(g, 0);
            partitionBytes += partitionSize(first.topic(), first.partition());
            int topicBody = topicBodySize(first.topic()); // a group is one partition, so one topic
            for (int i = 0; i < groups.groupSize(g); i++) {
                recordBytes += recordSize(groups.record(g, i), topicBody);
            }
        }
        return eventSize(partitionBytes, recordBytes);
    }

    private static void writeRecord(JsonOut out, ConsumerRecord<byte[], byte[]> record, byte[] topicBody) {
        out.raw(TOPIC);
        out.raw(topicBody);
        out.raw(PARTITION);
        out.number(record.partition());
        out.raw(OFFSET);
        out.number(record.offset());
        out.raw(TIMESTAMP);
        out.number(record.timestamp());
        out.raw(TIMESTAMP_TYPE[record.timestampType().ordinal()]);
        if (record.key() != null) {
            out.raw(KEY);
            out.base64String(record.key());
        }
        if (record.value() != null) {
            out.raw(VALUE);
            out.base64String(record.value());
        }
        out.raw(HEADERS);
        boolean first = true;
        for (Header header : record.headers()) {
            if (!first) {
                out.raw(',');
            }
            out.raw('{');
            out.raw('"');
            out.stringBody(header.key());
            out.raw('"');
            out.raw(':');
            out.signedByteArray(header.value());
            out.raw('}');
            first = false;
        }
        if (record instanceof DecodedRecord decoded) {
            out.raw(']');
            decoded.keySchema().ifPresent(m -> writeSchema(out, KEY_SCHEMA, m));
            decoded.valueSchema().ifPresent(m -> writeSchema(out, VALUE_SCHEMA, m));
            out.raw('}');
        } else {
            out.raw(RECORD_END);
        }
    }

    /** {@code ,"valueSchemaMetadata":{"schemaId":"…","dataFormat":"AVRO"}}, as Lambda adds it after the headers. */
    private static void writeSchema(JsonOut out, byte[] opening, SchemaMetadata metadata) {
        out.raw(opening);
        out.stringBody(metadata.schemaId());
        out.raw(DATA_FORMAT);
        out.stringBody(metadata.dataFormat().name());
        out.raw(SCHEMA_END);
    }

    private static byte[] envelopeStart(EventSource source) {
        StringBuilder json = new StringBuilder("{\"eventSource\":\"").append(escape(source.eventSource())).append('"');
        if (source.eventSourceArn() != null) {
            json.append(",\"eventSourceArn\":\"").append(escape(source.eventSourceArn())).append('"');
        }
        json.append(",\"bootstrapServers\":\"").append(escape(source.bootstrapServers())).append('"');
        json.append(",\"records\":{");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Escapes through the same code as record strings, once per writer. */
    private static String escape(String s) {
        return new String(escapedBody(s), StandardCharsets.UTF_8);
    }

    /** {@code s} as the UTF-8 bytes of a JSON string body. */
    private static byte[] escapedBody(String s) {
        JsonOut out = new JsonOut(new byte[JsonOut.sizeOfStringBody(s)]);
        out.stringBody(s);
        return out.buffer();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
