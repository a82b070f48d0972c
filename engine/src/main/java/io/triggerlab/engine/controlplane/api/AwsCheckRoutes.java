package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.awscheck.AwsCheckReport;
import io.triggerlab.engine.controlplane.awscheck.Finding;

/**
 * {@code GET /triggerlab/v1/aws-check?mapping=UUID}: "Would this pass on AWS?" for a mapping and its function.
 * <pre>
 * {"mappingUuid","functionName","wouldPass":bool,
 *  "findings":[{"code","severity":"WOULD_BE_REJECTED|BEHAVES_DIFFERENTLY","message","whatToDo",
 *               "readingOfAws":bool}...]}
 * </pre>
 * {@code readingOfAws} is true when the verdict is TriggerLab's reading of AWS (docs/aws-reading.md), not a limit AWS
 * documents.
 */
final class AwsCheckRoutes extends ExtensionRoute {

    AwsCheckRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String item) {
        if (context.awsCheck() == null) {
            throw ApiException.resourceNotFound("This server runs without the AWS check");
        }
        if (item != null) {
            throw ApiException.resourceNotFound("No TriggerLab API at " + request.rawPath() + ": use "
                    + ExtensionRoutes.PREFIX + "aws-check?mapping=UUID");
        }
        requireMethod(request, "GET");
        String mapping = request.query("mapping");
        if (mapping == null || mapping.isBlank()) {
            throw ApiException.invalidParameter("The AWS check needs the mapping: GET " + ExtensionRoutes.PREFIX
                    + "aws-check?mapping=UUID");
        }
        return ApiResponse.ok(write(context.awsCheck().check(mapping)));
    }

    private ObjectNode write(AwsCheckReport report) {
        ObjectNode body = mapper.createObjectNode();
        body.put("mappingUuid", report.mappingUuid());
        body.put("functionName", report.functionName());
        body.put("wouldPass", report.wouldPass());
        ArrayNode findings = body.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("code", f.code());
            node.put("severity", f.severity().name());
            node.put("message", f.message());
            node.put("whatToDo", f.whatToDo());
            node.put("readingOfAws", f.readingOfAws());
        }
        return body;
    }
}
