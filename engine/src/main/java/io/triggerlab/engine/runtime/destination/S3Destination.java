package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An S3 bucket ARN ({@code arn:aws:s3:::bucket}), delivered for real: one {@code PutObject} of AWS's failure record
 * with the whole event as {@code payload} (docs/aws-behaviour.md#on-failure-destinations). The key follows AWS's stream-destination convention,
 * {@code aws/lambda/<ESM-UUID>/<shard>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<random UUID>}, with the first record's
 * {@code topic-partition} as the shard (TriggerLab's reading for Kafka; see {@code docs/aws-reading.md}).
 */
public final class S3Destination implements OnFailureDestination {

    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    private final Arn arn;
    private final String bucket;
    private final String mappingUuid;
    private final FailureRecords renderer;
    private final Supplier<UUID> uuids;
    private final S3Client client;

    public S3Destination(String arn, String mappingUuid, FailureRecords renderer, AwsDestinationSettings settings) {
        this(arn, mappingUuid, renderer, settings, UUID::randomUUID);
    }

    S3Destination(String arn, String mappingUuid, FailureRecords renderer, AwsDestinationSettings settings,
                  Supplier<UUID> uuids) {
        this.arn = Arn.parse(arn);
        this.bucket = this.arn.resource();
        this.mappingUuid = mappingUuid;
        this.renderer = renderer;
        this.uuids = uuids;
        this.client = AwsClients.build(S3Client.builder().httpClientBuilder(AwsClients.http())
                // Path-style only with an endpoint override: LocalStack and test servers have no bucket DNS names.
                .forcePathStyle(settings.endpoint() != null)
                // A plain body, not aws-chunked with a trailing CRC: PutObject does not require a checksum.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED), settings, this.arn.region());
    }

    @Override
    public String target() {
        return arn.text();
    }

    /** The object key for a failed batch. */
    String key(FailedBatch batch) {
        ConsumerRecord<byte[], byte[]> first = batch.records().get(0);
        return "aws/lambda/" + mappingUuid + "/" + first.topic() + "-" + first.partition() + "/"
                + KEY_TIME.format(batch.at()) + "-" + uuids.get();
    }

    @Override
    public Delivery send(FailedBatch batch) throws DestinationDeliveryException {
        byte[] record = renderer.batchRecord(batch, true);
        String key = key(batch);
        try {
            client.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(record));
        } catch (SdkException e) {
            throw new DestinationDeliveryException("Could not put the failure record into S3 bucket " + target()
                    + " (key " + key + "): " + e.getMessage() + ". Check that the bucket exists and your credentials"
                    + " may s3:PutObject to it", e);
        }
        return new Delivery(target(), List.of(record), "Failure record (" + batch.condition().awsName() + ") for "
                + batch.records().size() + " record(s) written to s3://" + bucket + "/" + key);
    }

    @Override
    public void close() {
        client.close();
    }
}
