package io.triggerlab.engine.controlplane.sam;

import java.util.Map;

/**
 * The user's answer to "which registered cluster is the template's MSK cluster?": {@code --cluster NAME} for every
 * cluster the template names, or {@code --cluster TEMPLATE_ARN=NAME} for one of them. A cluster is named by its name
 * or its ARN.
 *
 * @param everyCluster the registered cluster for every template cluster not named in {@code perTemplateArn}, or null
 * @param perTemplateArn template cluster ARN → registered cluster
 */
public record ClusterChoice(String everyCluster, Map<String, String> perTemplateArn) {

    public static final ClusterChoice NONE = new ClusterChoice(null, Map.of());

    public ClusterChoice {
        perTemplateArn = Map.copyOf(perTemplateArn == null ? Map.of() : perTemplateArn);
    }

    /** Reads {@code --cluster} values: {@code NAME} or {@code TEMPLATE_ARN=NAME}. */
    public static ClusterChoice parse(Iterable<String> options) {
        String every = null;
        Map<String, String> per = new java.util.LinkedHashMap<>();
        for (String option : options) {
            int eq = option.lastIndexOf('=');
            if (eq > 0) {
                per.put(option.substring(0, eq), option.substring(eq + 1));
            } else {
                every = option;
            }
        }
        return new ClusterChoice(every, per);
    }

    /** The answer for one template cluster, or null. */
    String answerFor(String templateArn) {
        return perTemplateArn.getOrDefault(templateArn, everyCluster);
    }
}
