package io.triggerlab.engine.controlplane.mapping;

/**
 * A last word on a mapping about to be stored by Create or Update, after Lambda's own rules passed: strict mode
 * ({@code serve --strict-aws}) refuses here what AWS would refuse but TriggerLab otherwise accepts.
 */
@FunctionalInterface
public interface MappingAdmission {

    /** Admits everything: TriggerLab's default, where "Would this pass on AWS?" findings stay warnings. */
    MappingAdmission NONE = (before, candidate) -> {
    };

    /**
     * @param before    the stored mapping an Update changes, or {@code null} on Create: what it already had is not
     *                  held against the change, so a mapping stored before strict mode can still be disabled or fixed
     * @param candidate the mapping as it would be stored
     * @throws LambdaApiException the error AWS would answer for {@code candidate}
     */
    void admit(EventSourceMapping before, EventSourceMapping candidate);
}
