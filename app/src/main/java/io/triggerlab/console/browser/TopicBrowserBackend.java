package io.triggerlab.console.browser;

import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.observe.history.InvocationRecord;

import java.util.List;

/** What the topic browser asks of the engine. Every call may block; the ViewModel makes them in the background. */
public interface TopicBrowserBackend {

    /** The topics of the cluster in use. */
    List<TopicInfo> topics();

    /** Reads records back without a consumer group; nothing is committed. */
    List<StoredRecord> read(RecordQuery query);

    /** The triggers that read {@code topic}, for "Send to function". */
    List<TriggerChoice> triggersReading(String topic);

    /** Sends the record to the trigger's function as a one-record test event, once; the invocation's history row. */
    InvocationRecord sendToFunction(String mappingUuid, StoredRecord record);
}
