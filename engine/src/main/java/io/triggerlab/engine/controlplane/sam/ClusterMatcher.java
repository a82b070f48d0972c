package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds the registered cluster that stands for a template's MSK cluster: the user's answer first, then the same ARN,
 * then the same cluster name, then the only registered cluster (usually the embedded sandbox). Anything else is a
 * {@link ClusterQuestion}.
 */
final class ClusterMatcher {

    private final ClusterRegistry clusters;

    ClusterMatcher(ClusterRegistry clusters) {
        this.clusters = clusters;
    }

    /** The registered cluster; empty when the user must choose (see {@link #question}). */
    Optional<KafkaCluster> match(String templateArn, ClusterChoice choice) {
        List<KafkaCluster> registered = clusters.list();
        String answer = choice.answerFor(templateArn);
        if (answer != null) {
            return Optional.of(registered.stream()
                    .filter(c -> c.clusterArn().equals(answer) || c.clusterName().equals(answer)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No registered cluster is named " + answer
                            + ": the clusters are " + names(registered))));
        }
        Optional<KafkaCluster> sameArn = clusters.findForEventSource(templateArn);
        if (sameArn.isPresent()) {
            return sameArn;
        }
        Optional<String> name = clusterName(templateArn);
        List<KafkaCluster> sameName = registered.stream()
                .filter(c -> name.isPresent() && c.clusterName().equals(name.get())).toList();
        if (sameName.size() == 1) {
            return Optional.of(sameName.get(0));
        }
        return registered.size() == 1 ? Optional.of(registered.get(0)) : Optional.empty();
    }

    ClusterQuestion question(String templateArn) {
        return new ClusterQuestion(templateArn, clusters.list().stream().map(KafkaCluster::clusterName).toList());
    }

    private static Optional<String> clusterName(String arn) {
        Matcher m = KafkaCluster.CLUSTER_ARN.matcher(arn);
        return m.matches() ? Optional.of(m.group("name")) : Optional.empty();
    }

    private static String names(List<KafkaCluster> registered) {
        return registered.isEmpty() ? "(none)" : String.join(", ", registered.stream().map(KafkaCluster::clusterName).toList());
    }
}
