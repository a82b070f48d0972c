package io.triggerlab.engine.controlplane.sam;

/** CloudFormation's long form of an intrinsic: a mapping with one key, {@code Ref}, {@code Condition} or {@code Fn::…}. */
final class LongForms {

    private LongForms() {
    }

    /** The intrinsic a one-key mapping spells, or the mapping itself. */
    static TemplateNode intrinsicOrMapping(TemplateNode.Mapping mapping) {
        if (mapping.entries().size() != 1) {
            return mapping;
        }
        TemplateNode.Entry only = mapping.entries().get(0);
        String key = only.key();
        boolean isFunction = key.equals("Ref") || key.startsWith("Fn::")
                || key.equals("Condition") && only.value() instanceof TemplateNode.Scalar;
        return isFunction ? new TemplateNode.Intrinsic(key, only.value(), only.line()) : mapping;
    }
}
