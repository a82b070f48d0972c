package io.triggerlab.console.browser;

import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;

import java.util.List;

/** What the topic browser asks of the engine. Every call may block; the ViewModel makes them in the background. */
public interface TopicBrowserBackend {

    /** The topics of the cluster in use. */
    List<TopicInfo> topics();

    /** Reads records back without a consumer group; nothing is committed. */
    List<StoredRecord> read(RecordQuery query);
}
