package io.triggerlab.engine.cli;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** {@code triggerlab produce}: send test records to a topic, so a trigger can be driven without another tool. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Sends one record per VALUE to a topic (UTF-8 text).",
                "  triggerlab produce --bootstrap-servers 127.0.0.1:9092 --topic orders --key k1 --header source=cli '{\"id\":1}'"})
final class ProduceCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
            description = "The cluster, e.g. the sandbox address that 'triggerlab serve' prints.")
    String bootstrapServers;

    @Option(names = "--topic", required = true)
    String topic;

    @Option(names = "--key", description = "Record key (default: none).")
    String key;

    @Option(names = "--partition", description = "Partition (default: chosen by the producer).")
    Integer partition;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A header; repeat for more (duplicates are kept).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--count", defaultValue = "1", description = "Send each value this many times (default ${DEFAULT-VALUE}).")
    int count;

    @Parameters(arity = "1..*", paramLabel = "VALUE")
    List<String> values;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("--count " + count + " is out of range: must be 1..1000000");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                for (String value : values) {
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, null,
                            key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
                    for (String header : headers) {
                        int eq = header.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("Header '" + header + "' is not NAME=VALUE");
                        }
                        record.headers().add(header.substring(0, eq), header.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
                    }
                    sent.add(producer.send(record));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata m = future.get();
                if (sent.size() <= 20) {
                    out.println("Sent " + m.topic() + "-" + m.partition() + " offset " + m.offset());
                }
            }
            if (sent.size() > 20) {
                out.println("Sent " + sent.size() + " records to " + topic);
            }
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("Could not send to " + topic + " at " + bootstrapServers + ": "
                    + e.getCause().getMessage());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalArgumentException("Could not send to " + topic + " at " + bootstrapServers + ": " + e.getMessage());
        }
    }
}
