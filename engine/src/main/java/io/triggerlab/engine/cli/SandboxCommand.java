package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code triggerlab sandbox info | user add | acl grant-esm}: the secured sandbox of a running engine
 * ({@code triggerlab serve --secured-sandbox}), through its extension API.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "The secured sandbox broker: its CA, SCRAM users and ACLs (serve --secured-sandbox).",
        subcommands = {SandboxCommand.Info.class, SandboxCommand.User.class, SandboxCommand.Acl.class})
final class SandboxCommand {

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Shows the sandbox's schema registry URL and the secured sandbox's brokers, its MSK cluster ARN and "
                    + "where its CA certificate is.")
    static final class Info extends EngineApiCommand {
        @Override
        public Integer call() {
            JsonNode info = api().get("/triggerlab/v1/sandbox");
            PrintWriter out = out();
            if (info.hasNonNull("schemaRegistry")) {
                out.println("Schema registry:      " + info.path("schemaRegistry").asText()
                        + "  (Confluent-compatible; a trigger's SchemaRegistryURI)");
            }
            if (!info.path("secured").asBoolean()) {
                out.println("The engine runs no secured sandbox: start it with 'triggerlab serve --secured-sandbox'.");
                return 0;
            }
            out.println("MSK cluster ARN:      " + info.path("clusterArn").asText());
            out.println("SASL/SCRAM brokers:   " + info.path("bootstrapBrokers").path("saslScram").asText());
            out.println("TLS brokers:          " + info.path("bootstrapBrokers").path("tls").asText());
            out.println("Plaintext (admin):    " + info.path("bootstrapBrokers").path("plaintext").asText());
            out.println("CA certificate:       " + info.path("caFile").asText());
            out.println("CA secret (vault):    " + info.path("caSecretArn").asText());
            return 0;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "SCRAM users of the secured sandbox.",
            subcommands = {UserAdd.class})
    static final class User {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates (or replaces) a SCRAM user. The password is read from a file, never from the",
                    "command line (where other users and the shell history would see it)."})
    static final class UserAdd extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name (the principal is User:NAME).")
        String name;

        @Option(names = "--password-file", required = true, paramLabel = "FILE",
                description = "A file holding the password (one line; a trailing newline is dropped).")
        Path passwordFile;

        @Option(names = "--mechanism", defaultValue = "SCRAM-SHA-512", paramLabel = "MECHANISM",
                description = "SCRAM-SHA-512 (default; MSK's, SASL_SCRAM_512_AUTH) or SCRAM-SHA-256.")
        String mechanism;

        @Override
        public Integer call() {
            ObjectNode body = newBody();
            body.put("name", name).put("password", readPassword(passwordFile)).put("mechanism", mechanism);
            JsonNode created = api().post("/triggerlab/v1/sandbox/users", body);
            out().println("SCRAM user " + created.path("principal").asText()
                    + " (" + created.path("mechanism").asText() + ") is ready. Grant it access with "
                    + "'triggerlab sandbox acl grant-esm --user " + name + " --topic TOPIC --group GROUP'.");
            return 0;
        }
    }

    static String readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (password.isEmpty()) {
                throw new IllegalArgumentException("The password file " + file + " is empty: put the password in it");
            }
            return password;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The password file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "acl", mixinStandardHelpOptions = true, description = "ACLs of the secured sandbox.",
            subcommands = {GrantEsm.class})
    static final class Acl {
    }

    @Command(name = "grant-esm", mixinStandardHelpOptions = true,
            description = {"Grants a user the five ACLs Lambda's pollers need: DescribeConfigs on the cluster,",
                    "Describe and Read on the group, Describe and Read on the topic."})
    static final class GrantEsm extends EngineApiCommand {
        @Option(names = "--user", required = true, paramLabel = "NAME",
                description = "The SCRAM user, or the CN of an mTLS client certificate.")
        String user;

        @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The mapping's topic (* = any).")
        String topic;

        @Option(names = "--group", required = true, paramLabel = "GROUP",
                description = "The mapping's consumer group: its UUID, or its ConsumerGroupId (* = any).")
        String group;

        @Override
        public Integer call() {
            ObjectNode body = newBody();
            body.put("user", user).put("topic", topic).put("group", group);
            JsonNode granted = api().post("/triggerlab/v1/sandbox/esm-acls", body);
            PrintWriter out = out();
            granted.path("acls").forEach(acl -> out.println(acl.asText()));
            return 0;
        }
    }
}
