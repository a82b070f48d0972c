package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.sam.ClusterChoice;
import io.triggerlab.engine.controlplane.sam.FunctionTargetFactory;
import io.triggerlab.engine.controlplane.sam.ImportProblem;
import io.triggerlab.engine.controlplane.sam.ImportResult;
import io.triggerlab.engine.controlplane.sam.TemplateImporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /triggerlab/v1/sam/import}: opens a SAM / CloudFormation template of the engine's machine (see
 * {@link TemplateImporter}).
 * <pre>
 * request   {"template":"/path/template.yaml", "parameters":{"Stage":"prod"}?, "clusters":["NAME" | "TEMPLATE_ARN=NAME"]?}
 * response  {"template","functions":[Action…],"triggers":[Action…],"problems":[{"resource","line","message"}…],
 *            "skipped":["Resource (condition X is false)"…]}
 *           Action = {"resource","name","outcome":"CREATED"|"UPDATED"|"UNCHANGED","detail"}
 * 400 InvalidParameterValueException when the template is not readable (the message names the line), or when a
 *     template cluster could be any of several registered clusters (the message lists them; nothing is changed)
 * </pre>
 */
final class SamRoutes extends ExtensionRoute {

    private final TemplateImporter importer;

    SamRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
        this.importer = new TemplateImporter(context.functions(), context.mappings(), context.clusters(),
                context.region(), context.accountId(), FunctionTargetFactory.RUNTIME);
    }

    @Override
    ApiResponse handle(ApiRequest request, String item) {
        if (!"import".equals(item)) {
            throw ApiException.resourceNotFound("No sam resource '" + item + "': POST to " + ExtensionRoutes.PREFIX
                    + "sam/import");
        }
        requireMethod(request, "POST");
        JsonNode body = request.jsonBody();
        if (!body.path("template").isTextual() || body.get("template").textValue().isBlank()) {
            throw ApiException.invalidParameter("template is required: the path of the SAM template on the engine's machine");
        }
        Path template = Path.of(body.get("template").textValue());
        if (!Files.isRegularFile(template)) {
            throw ApiException.invalidParameter("Template " + template + " does not exist or is not a file");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        body.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        List<String> clusters = new ArrayList<>();
        body.path("clusters").forEach(c -> clusters.add(c.asText()));
        try {
            return ApiResponse.ok(write(importer.importTemplate(template, parameters, ClusterChoice.parse(clusters))));
        } catch (IllegalArgumentException e) {
            // TemplateSyntaxException, AmbiguousClusterException, and a cluster choice naming no registered cluster
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private ObjectNode write(ImportResult result) {
        ObjectNode json = mapper.createObjectNode();
        json.put("template", result.template().toString());
        actions(json.putArray("functions"), result.functions());
        actions(json.putArray("triggers"), result.triggers());
        ArrayNode problems = json.putArray("problems");
        for (ImportProblem p : result.problems()) {
            problems.addObject().put("resource", p.resource()).put("line", p.line()).put("message", p.message());
        }
        result.skipped().forEach(json.putArray("skipped")::add);
        return json;
    }

    private static void actions(ArrayNode array, List<ImportResult.Action> actions) {
        for (ImportResult.Action a : actions) {
            array.addObject().put("resource", a.resource()).put("name", a.name()).put("outcome", a.outcome().name())
                    .put("detail", a.detail());
        }
    }

}
