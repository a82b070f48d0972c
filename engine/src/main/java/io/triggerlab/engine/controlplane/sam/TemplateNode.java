package io.triggerlab.engine.controlplane.sam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a SAM / CloudFormation template as written, with the 1-based line it starts on, so every problem can
 * name its line. Intrinsic functions are kept as {@link Intrinsic} nodes (both the short {@code !Ref} and the long
 * {@code {"Ref": …}} forms), to be evaluated later by {@link Intrinsics}.
 */
public sealed interface TemplateNode permits TemplateNode.Mapping, TemplateNode.Sequence, TemplateNode.Scalar,
        TemplateNode.Intrinsic {

    /** The 1-based line the node starts on. */
    int line();

    /** A mapping, keys in template order. */
    record Mapping(List<Entry> entries, int line) implements TemplateNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<TemplateNode> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
        }

        /** The line of {@code key}, or this mapping's line when it is absent. */
        public int lineOf(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).mapToInt(Entry::line).findFirst().orElse(line);
        }
    }

    /** One key and its value; {@code line} is the key's line. */
    record Entry(String key, TemplateNode value, int line) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    record Sequence(List<TemplateNode> items, int line) implements TemplateNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as text; {@code null} text is YAML's null ({@code ~}, {@code null}, nothing).
     *
     * @param quoted true when the scalar was quoted, so that {@code "true"} stays text
     */
    record Scalar(String text, boolean quoted, int line) implements TemplateNode {
    }

    /**
     * An intrinsic function call.
     *
     * @param function the long name ({@code Ref}, {@code Fn::Sub}, {@code Condition}…), or the tag as written
     *                 ({@code !Foo}) when the tag is no CloudFormation function
     * @param argument the argument as written
     */
    record Intrinsic(String function, TemplateNode argument, int line) implements TemplateNode {
    }
}
