package io.triggerlab.engine.invoke.function;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Lambda {@code FunctionName}: every form Lambda accepts — {@code MyFunction}, {@code MyFunction:PROD},
 * {@code arn:aws:lambda:us-west-2:123456789012:function:MyFunction[:PROD]} and the partial
 * {@code 123456789012:function:MyFunction}.
 *
 * @param region    the region named in the reference, or {@code null}
 * @param accountId the account named in the reference, or {@code null}
 * @param name      the function name
 * @param qualifier the version or alias, or {@code null}
 */
public record FunctionReference(String region, String accountId, String name, String qualifier) {

    private static final String REGION = "(?:eusc-)?[a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\\d{1}";

    /** Lambda's FunctionName pattern (docs/aws-behaviour.md#api-members), as AWS reports it in validation messages. */
    public static final String AWS_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:"
            + "\\d{12}:|(((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?))(function:)?"
            + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";

    /** The same pattern with named groups. */
    private static final Pattern PARSER = Pattern.compile(
            "(?:arn:(?:aws[a-zA-Z-]*)?:lambda:(?<arnRegion>" + REGION + "):(?<arnAccount>\\d{12}):"
                    + "|(?:(?<region>" + REGION + "):)?(?:(?<account>\\d{12}):)?)"
                    + "(?:function:)?(?<name>[a-zA-Z0-9-_.]+)(?::(?<qualifier>\\$LATEST(?:\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");

    /** Parses a FunctionName; empty when it matches none of Lambda's forms. */
    public static Optional<FunctionReference> parse(String functionName) {
        if (functionName == null) {
            return Optional.empty();
        }
        Matcher m = PARSER.matcher(functionName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String region = m.group("arnRegion") != null ? m.group("arnRegion") : m.group("region");
        String account = m.group("arnAccount") != null ? m.group("arnAccount") : m.group("account");
        return Optional.of(new FunctionReference(region, account, m.group("name"), m.group("qualifier")));
    }

    /** True for a bare name, with or without qualifier (the form limited to 64 characters). */
    public boolean isNameOnly() {
        return region == null && accountId == null;
    }

    /** The unqualified ARN this reference denotes, filling region and account from the given defaults. */
    public String unqualifiedArn(String defaultRegion, String defaultAccountId) {
        return "arn:aws:lambda:" + (region == null ? defaultRegion : region) + ":"
                + (accountId == null ? defaultAccountId : accountId) + ":function:" + name;
    }

    /** The ARN, qualified when a qualifier was given. */
    public String arn(String defaultRegion, String defaultAccountId) {
        String base = unqualifiedArn(defaultRegion, defaultAccountId);
        return qualifier == null ? base : base + ":" + qualifier;
    }
}
