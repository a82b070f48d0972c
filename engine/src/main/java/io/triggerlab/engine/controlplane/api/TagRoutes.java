package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.ResourceTagging;

import java.util.List;
import java.util.Map;

/**
 * Lambda's tagging operations (rest-json, botocore {@code TagResource}/{@code UntagResource}/{@code ListTags}):
 * <pre>
 * GET    /2017-03-31/tags/{ARN}                    ListTags       200 {"Tags":{…}}
 * POST   /2017-03-31/tags/{ARN}  {"Tags":{…}}      TagResource    204
 * DELETE /2017-03-31/tags/{ARN}?tagKeys=a&amp;tagKeys=b UntagResource  204
 * </pre>
 * The ARN is the rest of the path, percent-decoded (SDKs encode its colons).
 */
final class TagRoutes {

    static final String PREFIX = "/2017-03-31/tags/";

    private final ResourceTagging tagging;
    private final ObjectMapper mapper;

    TagRoutes(ResourceTagging tagging, ObjectMapper mapper) {
        this.tagging = tagging;
        this.mapper = mapper;
    }

    boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX) || rawPath.equals(PREFIX.substring(0, PREFIX.length() - 1));
    }

    ApiResponse handle(ApiRequest request) {
        String raw = request.rawPath().length() <= PREFIX.length() ? "" : request.rawPath().substring(PREFIX.length());
        String decoded = ApiRequest.decode(raw);
        String arn = decoded == null ? raw : decoded;
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(list(arn));
            case "POST" -> {
                Map<String, String> tags = JsonFields.root(request.jsonBody(), mapper).stringMap("Tags");
                tagging.tag(arn, tags);
                yield ApiResponse.noContent();
            }
            case "DELETE" -> {
                List<String> keys = request.queryValues("tagKeys");
                tagging.untag(arn, keys.isEmpty() ? null : keys);
                yield ApiResponse.noContent();
            }
            default -> throw ApiException.methodNotAllowed(request.method(), request.rawPath(), "GET,POST,DELETE");
        };
    }

    private ObjectNode list(String arn) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode tags = body.putObject("Tags");
        tagging.list(arn).forEach(tags::put);
        return body;
    }
}
