package io.triggerlab.console.awscheck;

import io.triggerlab.engine.controlplane.awscheck.AwsCheckReport;

/** What the "Would this pass on AWS?" tab asks of the engine. May block (it reads the history and the cluster). */
@FunctionalInterface
public interface AwsCheckBackend {

    /** The check of one trigger; an unknown UUID fails with the Lambda API's ResourceNotFoundException. */
    AwsCheckReport check(String mappingUuid);
}
