package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.infra.store.TagRepository;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionReference;
import io.triggerlab.engine.invoke.function.FunctionRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's tagging operations ({@code TagResource}, {@code UntagResource}, {@code ListTags}) on the resources
 * TriggerLab has: event source mappings and registered functions (docs/aws-behaviour.md#api-operations; botocore's {@code TaggableResource}).
 * Model constraints answer {@link ValidationException}; an ARN of a resource TriggerLab does not have answers
 * {@link ResourceNotFoundException}; more than {@value #MAX_TAGS} tags on one resource answers
 * {@link InvalidParameterValueException}.
 */
public final class ResourceTagging {

    /** AWS's limit of tags per resource (Lambda developer guide, "Tagging"; the error text is TriggerLab's). */
    public static final int MAX_TAGS = 50;

    /** botocore {@code TaggableResource}: 1–10000 characters. */
    public static final String TAGGABLE_RESOURCE_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|"
            + "(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|"
            + "code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(capacity-provider|network-connector):[a-zA-Z0-9-_]{1,64})";
    static final Pattern TAGGABLE_RESOURCE = Pattern.compile(TAGGABLE_RESOURCE_PATTERN);
    private static final Pattern MAPPING_ARN = Pattern.compile("arn:[^:]+:lambda:([^:]+):(\\d{12}):event-source-mapping:(.+)");
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:[^:]+:lambda:[^:]+:\\d{12}:function:.+");

    private final TagRepository tags;
    private final MappingRepository mappings;
    private final FunctionRegistry functions;

    ResourceTagging(MappingRepository mappings, FunctionRegistry functions) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.tags = mappings.tags();
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    /** ListTags: the resource's tags by key; {@code {}} when it has none. */
    public SortedMap<String, String> list(String resourceArn) {
        Violations violations = new Violations();
        resource(resourceArn, violations);
        violations.throwIfAny();
        return tags.find(existing(resourceArn));
    }

    /** TagResource: adds the tags, replacing values of keys already present. */
    public void tag(String resourceArn, Map<String, String> newTags) {
        Violations violations = new Violations();
        resource(resourceArn, violations);
        violations.notNull("tags", newTags);
        ModelConstraints.tags("tags", newTags, violations);
        violations.throwIfAny();
        String arn = existing(resourceArn);
        Map<String, String> after = new HashMap<>(tags.find(arn));
        after.putAll(newTags);
        if (after.size() > MAX_TAGS) {
            throw new InvalidParameterValueException("The resource " + resourceArn + " would have " + after.size()
                    + " tags: at most " + MAX_TAGS + " tags are allowed per resource. Remove tags with UntagResource"
                    + " first");
        }
        tags.put(arn, newTags);
    }

    /** UntagResource: removes the keys; keys the resource does not have are ignored. */
    public void untag(String resourceArn, List<String> keys) {
        Violations violations = new Violations();
        resource(resourceArn, violations);
        violations.notNull("tagKeys", keys);
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                violations.text("tagKeys." + (i + 1) + ".member", keys.get(i), 1, 128, ModelConstraints.TAG);
            }
        }
        violations.throwIfAny();
        tags.remove(existing(resourceArn), keys);
    }

    private static void resource(String arn, Violations violations) {
        violations.notNull("resource", arn);
        violations.text("resource", arn, 1, 10000, TAGGABLE_RESOURCE);
    }

    /** The ARN the resource's tags are stored under, or the error Lambda gives for a resource it does not have. */
    private String existing(String arn) {
        Matcher mapping = MAPPING_ARN.matcher(arn);
        if (mapping.matches()) {
            return mappings.find(mapping.group(3).toLowerCase(java.util.Locale.ROOT))
                    .map(EventSourceMapping::eventSourceMappingArn)
                    .filter(arn::equalsIgnoreCase)
                    .orElseThrow(() -> new ResourceNotFoundException("The resource you requested does not exist."));
        }
        if (FUNCTION_ARN.matcher(arn).matches()) {
            FunctionReference ref = FunctionReference.parse(arn).orElseThrow();
            if (ref.qualifier() != null) {
                // "Lambda does not support adding tags to function aliases or versions" (botocore ListTagsRequest).
                throw new InvalidParameterValueException("Tags apply to the function, not to a version or alias: use "
                        + ref.unqualifiedArn(ref.region(), ref.accountId()) + " (Lambda does not support adding tags"
                        + " to function aliases or versions)");
            }
            return functions.findByName(ref.name())
                    .filter(f -> f.region().equals(ref.region()) && f.accountId().equals(ref.accountId()))
                    .map(FunctionDefinition::functionArn)
                    .orElseThrow(() -> new ResourceNotFoundException("Function not found: " + arn));
        }
        throw new ResourceNotFoundException("The resource you requested does not exist. TriggerLab has event source "
                + "mappings and functions; " + arn + " is neither");
    }
}
