package io.triggerlab.engine.infra.auth;

/**
 * Whether the role's policies grant one required permission.
 *
 * @param permission the permission
 * @param allowed    granted by some Allow and denied by no Deny
 * @param denied     an explicit Deny matches (an Allow cannot override it)
 */
public record PolicyFinding(RequiredPermission permission, boolean allowed, boolean denied) {

    /** {@code MISSING kafka:GetBootstrapBrokers on arn:… (reason)} etc., for the CLI and the console. */
    public String describe() {
        String verdict = allowed ? "OK      " : denied ? "DENIED  " : "MISSING ";
        return verdict + permission.describe() + " (" + permission.reason() + ")";
    }
}
