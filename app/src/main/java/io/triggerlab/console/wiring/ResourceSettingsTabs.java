package io.triggerlab.console.wiring;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.pollers.PollersBackend;
import io.triggerlab.console.pollers.PollersView;
import io.triggerlab.console.pollers.PollersViewModel;
import io.triggerlab.console.tags.TagsBackend;
import io.triggerlab.console.tags.TagsView;
import io.triggerlab.console.tags.TagsViewModel;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import javafx.scene.control.Tab;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The trigger page's "Pollers" and "Tags" tabs — the parts of a trigger the API changes with their own members or
 * operations (ProvisionedPollerConfig; TagResource, UntagResource, ListTags) — with their ViewModels and their
 * adapters to the engine. The workspace hands them the mapping it shows and the metrics samples.
 */
final class ResourceSettingsTabs {

    private final PollersViewModel pollers;
    private final TagsViewModel tags;

    ResourceSettingsTabs(EngineClient engine, BackgroundWork work) {
        this.pollers = new PollersViewModel(pollersBackend(engine), work);
        this.tags = new TagsViewModel(tagsBackend(engine), work);
    }

    /** The mapping the trigger page shows (loaded, or changed by an engine event); null when none. */
    void show(EventSourceMapping mapping) {
        pollers.show(mapping);
        tags.show(mapping == null ? null : mapping.uuid());
    }

    void onMetricsSampled(MetricsSnapshot sample) {
        pollers.onMetricsSampled(sample);
    }

    List<Tab> tabs() {
        Tab pollersTab = new Tab("Pollers", new PollersView(pollers).root());
        pollersTab.setId("tab-pollers");
        Tab tagsTab = new Tab("Tags", new TagsView(tags).root());
        tagsTab.setId("tab-tags");
        tagsTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                tags.reload(); // tags may have changed through the API or the CLI meanwhile
            }
        });
        return List.of(pollersTab, tagsTab);
    }

    private static PollersBackend pollersBackend(EngineClient engine) {
        return new PollersBackend() {
            @Override
            public List<EventSourceMapping> mappings() {
                return engine.mappings();
            }

            @Override
            public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
                return engine.updateMapping(uuid, request);
            }
        };
    }

    private static TagsBackend tagsBackend(EngineClient engine) {
        return new TagsBackend() {
            @Override
            public SortedMap<String, String> list(String mappingUuid) {
                return engine.mappingTags(mappingUuid);
            }

            @Override
            public void tag(String mappingUuid, Map<String, String> newTags) {
                engine.tagMapping(mappingUuid, newTags);
            }

            @Override
            public void untag(String mappingUuid, List<String> keys) {
                engine.untagMapping(mappingUuid, keys);
            }
        };
    }
}
