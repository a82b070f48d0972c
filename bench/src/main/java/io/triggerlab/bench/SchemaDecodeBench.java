package io.triggerlab.bench;

import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaEncoders;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.runtime.schema.SchemaStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Decode throughput of Avro records (about 1 KB, Confluent-framed) into Lambda's JSON events beside the plain path
 * that puts the same bytes into the event as they are, in one JVM and alternating rounds, so the ratio holds on a
 * noisy machine. Both paths build the event with the engine's own {@link KafkaEventWriter}; the decode path first runs
 * each record through the engine's {@link SchemaStage} (EventRecordFormat JSON, VALUE validated), as a poller does.
 * The broker is left out: it costs both paths the same and would only blur the figure. Prints figures, judges none.
 *
 * <p>{@code ./mvnw -B -Pschema-bench -pl bench -am -DskipTests verify [-Dschema.bench.args="records=200000 rounds=5"]}
 */
public final class SchemaDecodeBench {

    static final String AVSC = """
            {"type":"record","name":"Order","namespace":"bench","fields":[
              {"name":"id","type":"long"},{"name":"customer","type":"string"},{"name":"email","type":"string"},
              {"name":"amount","type":"double"},{"name":"currency","type":"string"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"items","type":{"type":"array","items":{"type":"record","name":"Item","fields":[
                {"name":"sku","type":"string"},{"name":"quantity","type":"int"},{"name":"price","type":"double"},
                {"name":"description","type":"string"}]}}}]}""";
    private static final RegisteredSchema SCHEMA = new RegisteredSchema("1", SchemaFormat.AVRO, AVSC, Map.of());
    private static final int BATCH = 100;

    private SchemaDecodeBench() {
    }

    public static void main(String[] args) {
        int records = intArg(args, "records", 200_000);
        int rounds = intArg(args, "rounds", 5);
        System.out.println(run(records, rounds).table());
    }

    /** Runs both paths {@code rounds} times over {@code records} records, after one uncounted warm-up round. */
    static Result run(int records, int rounds) {
        List<ConsumerRecord<byte[], byte[]>> input = records(records);
        KafkaEventWriter writer = new KafkaEventWriter(EventSource.selfManaged("127.0.0.1:9092"));
        SchemaStage stage = new SchemaStage(id -> SCHEMA, true, false, true);
        plain(input, writer);
        decoded(input, writer, stage);
        double[] plainRates = new double[rounds];
        double[] decodedRates = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // the order alternates, so a slow spell of the machine does not always hit the same path
            if (round % 2 == 0) {
                plainRates[round] = plain(input, writer);
                decodedRates[round] = decoded(input, writer, stage);
            } else {
                decodedRates[round] = decoded(input, writer, stage);
                plainRates[round] = plain(input, writer);
            }
            ratios[round] = decodedRates[round] / plainRates[round];
        }
        long bytes = input.stream().mapToLong(r -> r.value().length).sum();
        return new Result(records, rounds, bytes / records, median(plainRates), median(decodedRates), ratios);
    }

    /** Records/s of the plain path: the framed bytes go into the event as they are. */
    private static double plain(List<ConsumerRecord<byte[], byte[]>> input, KafkaEventWriter writer) {
        long start = System.nanoTime();
        long written = 0;
        for (int i = 0; i < input.size(); i += BATCH) {
            written += writer.write(input.subList(i, Math.min(input.size(), i + BATCH))).length;
        }
        return rate(input.size(), start, written);
    }

    /** Records/s of the decode path: each record validated and decoded to JSON, then written into the event. */
    private static double decoded(List<ConsumerRecord<byte[], byte[]>> input, KafkaEventWriter writer, SchemaStage stage) {
        long start = System.nanoTime();
        long written = 0;
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(BATCH);
        for (ConsumerRecord<byte[], byte[]> record : input) {
            batch.add(((SchemaStage.Outcome.Delivery) stage.apply(record)).record());
            if (batch.size() == BATCH) {
                written += writer.write(batch).length;
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            written += writer.write(batch).length;
        }
        return rate(input.size(), start, written);
    }

    private static double rate(int records, long start, long written) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (written <= 0) {
            throw new IllegalStateException("no event bytes written");
        }
        return records / seconds;
    }

    /** Orders of about 1 KB encoded as a Confluent serializer writes them, each with its own values. */
    static List<ConsumerRecord<byte[], byte[]>> records(int count) {
        SchemaEncoders encoders = new SchemaEncoders();
        Random random = new Random(16);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>(count);
        byte[][] distinct = new byte[Math.min(count, 1000)][];
        for (int i = 0; i < distinct.length; i++) {
            StringBuilder items = new StringBuilder();
            for (int item = 0; item < 6; item++) {
                items.append(item == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"sku\":\"SKU-%06d\","
                                + "\"quantity\":%d,\"price\":%.2f,\"description\":\"%s\"}", random.nextInt(1_000_000),
                        1 + random.nextInt(9), random.nextDouble() * 100, text(random, 120)));
            }
            String json = String.format(Locale.ROOT, "{\"id\":%d,\"customer\":\"%s\",\"email\":\"%s@example.com\","
                            + "\"amount\":%.2f,\"currency\":\"EUR\",\"status\":\"PAID\",\"note\":\"%s\",\"items\":[%s]}",
                    i, text(random, 24), text(random, 12), random.nextDouble() * 1000, text(random, 60), items);
            distinct[i] = encoders.encode(SCHEMA, json, WireFraming.Registry.CONFLUENT);
        }
        byte[] key = "order".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            out.add(new ConsumerRecord<>("orders", i % 8, i / 8, key, distinct[i % distinct.length]));
        }
        return out;
    }

    private static String text(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    /** The figures: medians of the rounds and each round's decoded/plain ratio. */
    record Result(int records, int rounds, long averageValueBytes, double plainPerSecond, double decodedPerSecond,
                  double[] ratios) {

        double medianRatio() {
            return median(ratios);
        }

        String table() {
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, """
                    Schema decode benchmark: %,d Avro records of %,d bytes (Confluent-framed), events of %d records, \
                    %d rounds (medians)
                    path                          records/s
                    plain (bytes as they are)     %,12.0f
                    Avro decoded to JSON          %,12.0f
                    decoded / plain               %12.2f  [rounds %.2f–%.2f]
                    """, records, averageValueBytes, BATCH, rounds, plainPerSecond, decodedPerSecond, medianRatio(),
                    sorted[0], sorted[sorted.length - 1]);
        }
    }
}
