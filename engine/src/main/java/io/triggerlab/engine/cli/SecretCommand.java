package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.infra.secrets.InvalidSecretException;
import io.triggerlab.engine.infra.secrets.LocalVault;
import io.triggerlab.engine.infra.secrets.SecretAccessException;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.infra.store.DataDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code triggerlab secret put|list|remove}: the local vault that stands in for Secrets Manager. It works on the data
 * directory's vault file directly, so it works with or without a running engine: the engine reads the vault afresh
 * whenever it connects, and a mapping failing on a secret picks up the new value at its next retry.
 * Values come only from a file or stdin, never from the command line (which other users can see), and are never
 * printed.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Manage the local secrets vault (secrets named by SourceAccessConfigurations).",
        subcommands = {SecretCommand.Put.class, SecretCommand.ListSecrets.class, SecretCommand.Remove.class})
final class SecretCommand implements Callable<Integer> {

    @ParentCommand
    private TriggerLabCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data directory (default: $TRIGGERLAB_HOME, else ~/.triggerlab).")
    private Path dataDir;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TriggerLabCli.EXIT_USAGE;
    }

    LocalVault vault() {
        Path directory = DataDirectory.resolve(dataDir, parent.environment().variables(), parent.environment().userHome());
        return LocalVault.open(directory.resolve(Engine.SECRETS_DIRECTORY), Clock.systemUTC());
    }

    /** A full ARN as given, or a bare name made into the local account's ARN. */
    static String arn(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        return "arn:aws:secretsmanager:" + EngineConfig.DEFAULT_REGION + ":" + EngineConfig.DEFAULT_ACCOUNT_ID
                + ":secret:" + nameOrArn;
    }

    /** Vault errors already say what and where; the CLI shows them as one line with exit code 2. */
    static RuntimeException userFixable(RuntimeException e) {
        if (e instanceof InvalidSecretException || e instanceof SecretAccessException) {
            return new IllegalArgumentException(e.getMessage(), e);
        }
        return e;
    }

    /**
     * A subcommand on the vault: it gets the opened vault and the output, and any vault error comes out as one
     * user-fixable line. Picocli finds the annotated fields in this superclass.
     */
    abstract static class VaultCommand implements Callable<Integer> {
        @ParentCommand
        SecretCommand secret;
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            try {
                return run(secret.vault(), spec.commandLine().getOut());
            } catch (RuntimeException e) {
                throw userFixable(e);
            }
        }

        abstract int run(LocalVault vault, PrintWriter out);
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Store or replace a secret: {\"username\",\"password\"}, "
                    + "{\"certificate\",\"privateKey\",\"privateKeyPassword\"} or {\"certificate\"}.")
    static final class Put extends VaultCommand {
        @Parameters(index = "0", paramLabel = "ARN|NAME",
                description = "Secrets Manager ARN, or a name for arn:aws:secretsmanager:us-east-1:000000000000:secret:NAME")
        private String name;
        @ArgGroup(multiplicity = "1")
        private Source source;

        static final class Source {
            @Option(names = "--file", paramLabel = "FILE", description = "Read the secret's JSON from this file.")
            Path file;
            @Option(names = "--stdin", description = "Read the secret's JSON from standard input.")
            boolean stdin;
        }

        @Override
        int run(LocalVault vault, PrintWriter out) {
            SecretMetadata stored = vault.put(arn(name), new SecretValue(read()));
            out.println("Stored " + stored.arn() + " (" + stored.sizeBytes() + " bytes, fields "
                    + String.join(", ", stored.fields()) + ")");
            return 0;
        }

        private String read() {
            try {
                byte[] bytes = source.stdin ? System.in.readAllBytes() : Files.readAllBytes(source.file);
                return new String(bytes, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the secret from " + (source.stdin ? "standard input"
                        : source.file) + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored secrets (never their values).")
    static final class ListSecrets extends VaultCommand {
        @Override
        int run(LocalVault vault, PrintWriter out) {
            List<SecretMetadata> secrets = vault.list();
            if (secrets.isEmpty()) {
                out.println("No secrets in the local vault.");
            }
            for (SecretMetadata s : secrets) {
                out.println(s.arn() + "  fields=" + String.join(",", s.fields()) + "  bytes=" + s.sizeBytes()
                        + "  updated=" + s.updated());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a secret from the local vault.")
    static final class Remove extends VaultCommand {
        @Parameters(index = "0", paramLabel = "ARN|NAME")
        private String name;

        @Override
        int run(LocalVault vault, PrintWriter out) {
            String arn = arn(name);
            if (!vault.remove(arn)) {
                throw new IllegalArgumentException("No secret " + arn + " in the local vault (see 'triggerlab secret list')");
            }
            out.println("Removed " + arn);
            return 0;
        }
    }
}
