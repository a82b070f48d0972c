package io.triggerlab.engine.infra.auth;

import java.util.List;

/**
 * One permission Lambda's pollers need from the execution role: any one of {@code actions} on {@code resource}
 * (e.g. {@code kafka:DescribeCluster} or {@code kafka:DescribeClusterV2}).
 *
 * @param actions  alternatives, any of which suffices
 * @param resource the ARN it is needed on ({@code *} for actions without resource scoping)
 * @param reason   why Lambda needs it
 */
public record RequiredPermission(List<String> actions, String resource, String reason) {

    public RequiredPermission {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("A required permission needs at least one action");
        }
    }

    static RequiredPermission of(String action, String resource, String reason) {
        return new RequiredPermission(List.of(action), resource, reason);
    }

    /** {@code kafka:DescribeCluster or kafka:DescribeClusterV2 on arn:…}. */
    public String describe() {
        return String.join(" or ", actions) + " on " + resource;
    }
}
