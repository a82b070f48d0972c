package io.triggerlab.engine.controlplane.awscheck;

/** How much a finding matters when the mapping moves to AWS. */
public enum Severity {
    /** AWS refuses the setting (at CreateEventSourceMapping, or the mapping fails to start / the record is not sent). */
    WOULD_BE_REJECTED,
    /** AWS accepts it, but it works differently there than in TriggerLab. */
    BEHAVES_DIFFERENTLY
}
