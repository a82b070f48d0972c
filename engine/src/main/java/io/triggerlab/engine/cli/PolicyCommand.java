package io.triggerlab.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code triggerlab policy check}: the execution-role policy check of a running engine. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Checks an execution role's policy against what a mapping needs.",
        subcommands = {PolicyCommand.Check.class})
final class PolicyCommand {

    /** Exit code when permissions are missing, so scripts can tell a complete policy from an incomplete one. */
    static final int EXIT_MISSING = 3;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Lists the permissions the mapping needs from its function's execution role and which the",
                    "policy leaves out (wildcards, Deny and NotAction honoured; Conditions not evaluated).",
                    "Exit code 0: all granted; " + EXIT_MISSING + ": some missing."})
    static final class Check extends EngineApiCommand {
        @Option(names = "--mapping", required = true, paramLabel = "UUID", description = "The event source mapping.")
        String mapping;

        @ArgGroup(multiplicity = "1")
        Policy policy;

        @Override
        public Integer call() {
            ObjectNode body = newBody();
            body.put("mappingUuid", mapping);
            body.set("policy", policy.json());
            JsonNode report = api().post("/triggerlab/v1/policy-check", body);
            PrintWriter out = out();
            out.println("Mapping " + mapping + ": " + report.path("authentication").asText());
            for (JsonNode f : report.path("findings")) {
                out.printf("%-8s %s on %s (%s)%n", f.path("verdict").asText(),
                        String.join(" or ", EngineApiClient.json().convertValue(f.path("actions"), String[].class)),
                        f.path("resource").asText(), f.path("reason").asText());
            }
            if (report.path("conditionsNotEvaluated").asBoolean()) {
                out.println("Note: the policy has Condition blocks, which this check does not evaluate.");
            }
            if (report.has("kafkaAcls")) {
                out.println("Kafka ACLs the cluster must grant the mapping's principal:");
                report.path("kafkaAcls").forEach(acl -> out.println("  " + acl.asText()));
            }
            boolean complete = report.path("complete").asBoolean();
            out.println(complete ? "All required permissions are granted."
                    : report.path("missing").size() + " required permission(s) missing.");
            return complete ? 0 : EXIT_MISSING;
        }
    }

    static final class Policy {
        @Option(names = "--policy-file", paramLabel = "FILE", description = "An IAM policy document (JSON).")
        Path file;

        @Option(names = "--managed", paramLabel = "NAME",
                description = "A managed policy by name: AWSLambdaMSKExecutionRole.")
        String managed;

        JsonNode json() {
            if (managed != null) {
                return EngineApiClient.json().getNodeFactory().textNode(managed);
            }
            try {
                return EngineApiClient.json().readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("The policy file " + file + " does not exist");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The policy file " + file + " is not valid JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the policy file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
