package io.triggerlab.engine.controlplane.sam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SAM's {@code Globals.Function} merged into a function's {@code Properties} as SAM merges them: a property the
 * function sets wins; mappings (such as {@code Environment.Variables}) are merged key by key; lists are appended to
 * the global ones. Each entry keeps the line it was written on.
 */
final class GlobalsMerge {

    private GlobalsMerge() {
    }

    static TemplateNode.Mapping merge(TemplateNode.Mapping globals, TemplateNode.Mapping function) {
        if (globals == null) {
            return function;
        }
        List<TemplateNode.Entry> entries = new ArrayList<>();
        for (TemplateNode.Entry global : globals.entries()) {
            Optional<TemplateNode> own = function.get(global.key());
            if (own.isEmpty()) {
                entries.add(global);
            }
        }
        for (TemplateNode.Entry own : function.entries()) {
            Optional<TemplateNode> global = globals.get(own.key());
            entries.add(global.isPresent() ? new TemplateNode.Entry(own.key(), merged(global.get(), own.value()), own.line())
                    : own);
        }
        return new TemplateNode.Mapping(entries, function.line());
    }

    private static TemplateNode merged(TemplateNode global, TemplateNode own) {
        if (global instanceof TemplateNode.Mapping g && own instanceof TemplateNode.Mapping o) {
            return merge(g, o);
        }
        if (global instanceof TemplateNode.Sequence g && own instanceof TemplateNode.Sequence o) {
            List<TemplateNode> items = new ArrayList<>(g.items());
            items.addAll(o.items());
            return new TemplateNode.Sequence(items, o.line());
        }
        return own;
    }
}
