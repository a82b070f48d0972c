package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.runtime.payload.EventSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQS, SNS and S3 destinations against local servers speaking each service's wire protocol as the SDK uses it. */
class AwsDestinationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private static final FailureRecords RENDERER =
            new FailureRecords(new DestinationContext(FN, EventSource.selfManaged("h:9092")));
    private static final String ESM = "14e0db71-5d35-4eb5-b481-8945cf9d10c2";

    private static FailedBatch batch() {
        return new FailedBatch(List.of(
                new ConsumerRecord<>("orders", 2, 7L, "k".getBytes(StandardCharsets.UTF_8), "v1".getBytes(StandardCharsets.UTF_8)),
                new ConsumerRecord<>("orders", 2, 8L, null, "v2".getBytes(StandardCharsets.UTF_8))),
                FailureCondition.RETRIES_EXHAUSTED, "req-42", 3, new FailedBatch.ResponseContext(200, "$LATEST", "Unhandled"),
                Instant.parse("2026-11-25T21:05:09.123Z"));
    }

    private static void assertIsMetadataRecord(JsonNode record) {
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo("req-42");
        assertThat(record.at("/requestContext/functionArn").asText()).isEqualTo(FN);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/KafkaBatchInfo/batchSize").asInt()).isEqualTo(2);
        assertThat(record.at("/KafkaBatchInfo/recordsInfo/orders-2/firstRecordOffset").asText()).isEqualTo("7");
        assertThat(record.at("/KafkaBatchInfo/recordsInfo/orders-2/lastRecordOffset").asText()).isEqualTo("8");
        assertThat(record.get("timestamp").asText()).isEqualTo("2026-11-25T21:05:09.123Z");
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(kv -> kv.split("=", 2)).collect(Collectors.toMap(
                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    // --- SQS: AWS JSON 1.0, X-Amz-Target AmazonSQS.<Operation>

    private static FakeAwsServer.Response sqs(FakeAwsServer.Request request, boolean queueExists) {
        String target = request.header("X-Amz-Target");
        try {
            if ("AmazonSQS.GetQueueUrl".equals(target)) {
                if (!queueExists) {
                    return new FakeAwsServer.Response(400, "application/x-amz-json-1.0",
                            "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does not exist.\"}");
                }
                JsonNode in = JSON.readTree(request.body());
                return new FakeAwsServer.Response(200, "application/x-amz-json-1.0", "{\"QueueUrl\":\"http://queue.local/"
                        + in.get("QueueOwnerAWSAccountId").asText() + "/" + in.get("QueueName").asText() + "\"}");
            }
            if ("AmazonSQS.SendMessage".equals(target)) {
                String body = JSON.readTree(request.body()).get("MessageBody").asText();
                return new FakeAwsServer.Response(200, "application/x-amz-json-1.0",
                        "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(body) + "\"}");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new FakeAwsServer.Response(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.sqs#InvalidAction\",\"message\":\"unexpected " + target + "\"}");
    }

    @Test
    void sqs_resolvesTheQueueFromTheArn_andSendsTheMetadataRecord() throws Exception {
        try (FakeAwsServer server = new FakeAwsServer(r -> sqs(r, true));
             SqsDestination sqs = new SqsDestination("arn:aws:sqs:us-east-1:123456789012:my-dlq", RENDERER, server.settings())) {
            Delivery delivery = sqs.send(batch());
            sqs.send(batch());

            assertThat(server.requests).extracting(r -> r.header("X-Amz-Target"))
                    .containsExactly("AmazonSQS.GetQueueUrl", "AmazonSQS.SendMessage", "AmazonSQS.SendMessage");
            JsonNode lookup = JSON.readTree(server.requests.get(0).body());
            assertThat(lookup.get("QueueName").asText()).isEqualTo("my-dlq");
            assertThat(lookup.get("QueueOwnerAWSAccountId").asText()).isEqualTo("123456789012");
            JsonNode send = JSON.readTree(server.requests.get(1).body());
            assertThat(send.get("QueueUrl").asText()).isEqualTo("http://queue.local/123456789012/my-dlq");
            JsonNode record = JSON.readTree(send.get("MessageBody").asText());
            assertIsMetadataRecord(record);
            assertThat(record.has("payload")).isFalse();
            assertThat(delivery.messages()).hasSize(1);
            assertThat(JSON.readTree(delivery.messages().get(0))).isEqualTo(record);
            assertThat(delivery.note()).contains("sent to SQS queue http://queue.local/123456789012/my-dlq", "m-1");
        }
    }

    @Test
    void sqs_serviceErrorFailsTheDelivery_withTheQueueAndTheReason() throws Exception {
        try (FakeAwsServer server = new FakeAwsServer(r -> sqs(r, false));
             SqsDestination sqs = new SqsDestination("arn:aws:sqs:us-east-1:123456789012:gone", RENDERER, server.settings())) {
            assertThatThrownBy(() -> sqs.send(batch())).isInstanceOf(DestinationDeliveryException.class)
                    .hasMessageContaining("arn:aws:sqs:us-east-1:123456789012:gone")
                    .hasMessageContaining("The specified queue does not exist");
        }
    }

    // --- SNS: query protocol, form body, XML response

    @Test
    void sns_publishesTheMetadataRecordToTheTopicArn() throws Exception {
        String ok = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>sns-m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></PublishResponse>";
        String topic = "arn:aws:sns:us-east-1:123456789012:failures";
        try (FakeAwsServer server = new FakeAwsServer(r -> new FakeAwsServer.Response(200, "text/xml", ok));
             SnsDestination sns = new SnsDestination(topic, RENDERER, server.settings())) {
            Delivery delivery = sns.send(batch());

            assertThat(server.requests).hasSize(1);
            Map<String, String> form = form(server.requests.get(0).text());
            assertThat(form).containsEntry("Action", "Publish").containsEntry("TopicArn", topic);
            JsonNode record = JSON.readTree(form.get("Message"));
            assertIsMetadataRecord(record);
            assertThat(record.has("payload")).isFalse();
            assertThat(delivery.note()).contains("published to SNS topic " + topic, "sns-m-1");
        }
    }

    @Test
    void sns_serviceErrorFailsTheDelivery() throws Exception {
        String error = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                + "<Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>";
        try (FakeAwsServer server = new FakeAwsServer(r -> new FakeAwsServer.Response(404, "text/xml", error));
             SnsDestination sns = new SnsDestination("arn:aws:sns:us-east-1:123456789012:gone", RENDERER, server.settings())) {
            assertThatThrownBy(() -> sns.send(batch())).isInstanceOf(DestinationDeliveryException.class)
                    .hasMessageContaining("SNS topic arn:aws:sns:us-east-1:123456789012:gone")
                    .hasMessageContaining("Topic does not exist");
        }
    }

    // --- S3: REST PUT /bucket/key, path style

    /** Over plain HTTP the SDK signs the body in aws-chunked form: {@code <hex size>;chunk-signature=…\r\n<data>\r\n}… */
    private static byte[] s3Body(FakeAwsServer.Request put) {
        String sha = put.header("x-amz-content-sha256");
        if (sha == null || !sha.startsWith("STREAMING-")) {
            return put.body();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] in = put.body();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(in, at);
            String header = new String(in, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0], 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] in, int from) {
        for (int i = from; i < in.length - 1; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("aws-chunked body without CRLF after offset " + from);
    }

    @Test
    void s3_putsTheRecordWithPayload_underAwsKeyConvention() throws Exception {
        UUID random = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        try (FakeAwsServer server = new FakeAwsServer(r -> new FakeAwsServer.Response(200, "application/xml", ""));
             S3Destination s3 = new S3Destination("arn:aws:s3:::failure-bucket", ESM, RENDERER, server.settings(),
                     () -> random)) {
            Delivery delivery = s3.send(batch());

            assertThat(server.requests).hasSize(1);
            FakeAwsServer.Request put = server.requests.get(0);
            assertThat(put.method()).isEqualTo("PUT");
            String key = "aws/lambda/" + ESM + "/orders-2/2026/11/25/2026-11-25T21.05.09-" + random;
            assertThat(put.path()).isEqualTo("/failure-bucket/" + key);
            JsonNode record = JSON.readTree(s3Body(put));
            assertIsMetadataRecord(record);
            JsonNode event = JSON.readTree(record.get("payload").asText());
            assertThat(event.at("/records/orders-2").size()).isEqualTo(2);
            assertThat(delivery.note()).contains("s3://failure-bucket/" + key);
        }
    }

    @Test
    void s3_serviceErrorFailsTheDelivery_withTheKey() throws Exception {
        String error = "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
                + "<BucketName>gone</BucketName></Error>";
        try (FakeAwsServer server = new FakeAwsServer(r -> new FakeAwsServer.Response(404, "application/xml", error));
             S3Destination s3 = new S3Destination("arn:aws:s3:::gone", ESM, RENDERER, server.settings())) {
            assertThatThrownBy(() -> s3.send(batch())).isInstanceOf(DestinationDeliveryException.class)
                    .hasMessageContaining("S3 bucket arn:aws:s3:::gone (key aws/lambda/" + ESM + "/orders-2/")
                    .hasMessageContaining("The specified bucket does not exist");
        }
    }

    // --- choosing

    @Test
    void open_keepsTheOutbox_unlessAwsDestinationsAreEnabled() throws Exception {
        DestinationContext context = new DestinationContext(FN, EventSource.selfManaged("h:9092"));
        try (OnFailureDestination outbox = OnFailureDestinations.open("arn:aws:sqs:us-east-1:123456789012:q", context,
                Map.of(), "c", ESM, AwsDestinationSettings.DISABLED);
             FakeAwsServer server = new FakeAwsServer(r -> new FakeAwsServer.Response(500, "text/plain", ""));
             OnFailureDestination sns = OnFailureDestinations.open("arn:aws:sns:us-east-1:123456789012:t", context,
                     Map.of(), "c", ESM, server.settings());
             OnFailureDestination s3 = OnFailureDestinations.open("arn:aws:s3:::b", context, Map.of(), "c", ESM,
                     server.settings())) {
            assertThat(outbox).isInstanceOf(OutboxDestination.class);
            assertThat(sns).isInstanceOf(SnsDestination.class);
            assertThat(s3).isInstanceOf(S3Destination.class);
        }
        assertThatThrownBy(() -> OnFailureDestinations.open("arn:aws:lambda:us-east-1:123456789012:function:f", context,
                Map.of(), "c", ESM, new AwsDestinationSettings(true, "us-east-1", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a lambda ARN");
    }
}
