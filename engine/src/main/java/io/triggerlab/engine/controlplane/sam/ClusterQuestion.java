package io.triggerlab.engine.controlplane.sam;

import java.util.List;

/**
 * A template MSK cluster that matches no registered cluster by ARN or name while several are registered: the user
 * must pick one (the console asks; the CLI takes {@code --cluster}).
 *
 * @param templateArn the ARN as the template gives it
 * @param candidates  the registered clusters, by name
 */
public record ClusterQuestion(String templateArn, List<String> candidates) {

    public ClusterQuestion {
        candidates = List.copyOf(candidates);
    }
}
