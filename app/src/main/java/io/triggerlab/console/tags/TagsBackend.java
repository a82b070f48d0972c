package io.triggerlab.console.tags;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Lambda's tagging operations on one trigger's ARN. Every call may block; the ViewModel makes them in the background. */
public interface TagsBackend {

    /** ListTags. */
    SortedMap<String, String> list(String mappingUuid);

    /** TagResource: adds the tags, replacing the values of keys already there. */
    void tag(String mappingUuid, Map<String, String> tags);

    /** UntagResource. */
    void untag(String mappingUuid, List<String> keys);
}
