package io.triggerlab.console.tags;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TagsViewModelTest {

    private static final String UUID = "a1b2c3d4-5678-90ab-cdef-111111111111";

    /** The engine's tags per trigger, with AWS's limit of 50. */
    private static final class FakeTags implements TagsBackend {
        final Map<String, SortedMap<String, String>> byUuid = new HashMap<>();

        @Override
        public SortedMap<String, String> list(String mappingUuid) {
            return new TreeMap<>(byUuid.getOrDefault(mappingUuid, new TreeMap<>()));
        }

        @Override
        public void tag(String mappingUuid, Map<String, String> tags) {
            SortedMap<String, String> after = list(mappingUuid);
            after.putAll(tags);
            if (after.size() > 50) {
                throw new InvalidParameterValueException("The resource would have 51 tags: at most 50 tags are allowed");
            }
            byUuid.put(mappingUuid, after);
        }

        @Override
        public void untag(String mappingUuid, List<String> keys) {
            SortedMap<String, String> after = list(mappingUuid);
            keys.forEach(after::remove);
            byUuid.put(mappingUuid, after);
        }
    }

    private final FakeTags engine = new FakeTags();
    private final TagsViewModel vm = new TagsViewModel(engine, new BackgroundWork(Runnable::run, Runnable::run));

    @Test
    void showsTheTriggersTagsByKey() {
        engine.byUuid.put(UUID, new TreeMap<>(Map.of("team", "payments", "env", "dev")));

        vm.show(UUID);

        assertThat(vm.rows()).containsExactly(new TagRow("env", "dev"), new TagRow("team", "payments"));
        assertThat(vm.summaryProperty().get()).isEqualTo("2 tags of at most 50.");
    }

    @Test
    void addTagsTheTrigger_andChangesTheValueOfAKeyAlreadyThere() {
        vm.show(UUID);
        assertThat(vm.summaryProperty().get()).startsWith("No tags.");

        vm.keyProperty().set(" team ");
        vm.valueProperty().set("payments");
        vm.add();
        vm.keyProperty().set("team");
        vm.valueProperty().set("billing");
        vm.add();

        assertThat(engine.byUuid.get(UUID)).containsExactly(Map.entry("team", "billing"));
        assertThat(vm.rows()).containsExactly(new TagRow("team", "billing"));
        assertThat(vm.keyProperty().get()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("1 tag of at most 50.");
    }

    @Test
    void removeUntagsTheSelectedKeys() {
        engine.byUuid.put(UUID, new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3")));
        vm.show(UUID);

        vm.remove(List.of(new TagRow("a", "1"), new TagRow("c", "3")));

        assertThat(engine.byUuid.get(UUID)).containsExactly(Map.entry("b", "2"));
        assertThat(vm.rows()).containsExactly(new TagRow("b", "2"));
    }

    @Test
    void anEmptyKeyIsAsked_andTheApisRefusalIsShownAsItComes() {
        vm.show(UUID);
        vm.add();
        assertThat(vm.errorMessageProperty().get()).startsWith("Type a tag key");

        SortedMap<String, String> fifty = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        engine.byUuid.put(UUID, fifty);
        vm.keyProperty().set("one-more");
        vm.add();

        assertThat(vm.errorMessageProperty().get()).contains("at most 50 tags are allowed");
        assertThat(vm.keyProperty().get()).as("kept for another try").isEqualTo("one-more");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anotherTrigger_startsFromItsOwnTags() {
        engine.byUuid.put(UUID, new TreeMap<>(Map.of("team", "payments")));
        vm.show(UUID);
        vm.keyProperty().set("typed");

        vm.show("b2c3d4e5-5678-90ab-cdef-222222222222");

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.keyProperty().get()).isEmpty();
    }
}
