package io.triggerlab.engine.controlplane.sam;

import java.util.List;
import java.util.stream.Collectors;

/** The template names MSK clusters that could be any of several registered clusters; nothing was imported. */
public final class AmbiguousClusterException extends IllegalArgumentException {

    private final List<ClusterQuestion> questions;

    public AmbiguousClusterException(List<ClusterQuestion> questions) {
        super(questions.stream().map(q -> "the template's MSK cluster " + q.templateArn() + (q.candidates().isEmpty()
                        ? " matches no registered cluster, and none is registered (start the engine with its sandbox, "
                        + "or register the cluster with 'triggerlab cluster import')"
                        : " could be any of " + String.join(", ", q.candidates())))
                .collect(Collectors.joining("; ")) + ": choose with --cluster NAME (every cluster of the template) or "
                + "--cluster TEMPLATE_ARN=NAME");
        this.questions = List.copyOf(questions);
    }

    public List<ClusterQuestion> questions() {
        return questions;
    }
}
