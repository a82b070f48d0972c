-- Tags of Lambda resources (event source mappings, functions), keyed by the resource's ARN: TagResource,
-- UntagResource and ListTags work on ARNs, and a mapping's tags change without touching its configuration document.
CREATE TABLE resource_tag (
    resource_arn VARCHAR(10000) NOT NULL,
    tag_key      VARCHAR(128)   NOT NULL,
    tag_value    VARCHAR(256)   NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);
