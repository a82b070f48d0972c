package io.triggerlab.engine.infra.secrets;

import java.time.Instant;
import java.util.List;

/**
 * What may be shown about a stored secret: never its value.
 *
 * @param arn       the secret's ARN
 * @param fields    its field names, e.g. {@code [username, password]}
 * @param sizeBytes its size in bytes
 * @param updated   when it was last put
 */
public record SecretMetadata(String arn, List<String> fields, int sizeBytes, Instant updated) {

    public SecretMetadata {
        fields = List.copyOf(fields);
    }
}
