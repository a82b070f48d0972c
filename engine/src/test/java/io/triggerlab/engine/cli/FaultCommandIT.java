package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triggerlab function fault} against a running engine (no Kafka needed: faults are armed, not used). */
class FaultCommandIT {

    private Engine engine;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap("127.0.0.1:1"));
        engine.functions().register(new FunctionDefinition("fn", new CommandTarget(List.of("cat"), null, Map.of()),
                Duration.ofSeconds(3), engine.config().region(), engine.config().accountId()));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint";
        all[args.length + 1] = engine.apiEndpoint().toString();
        assertThat(cli.execute(all)).as(err.toString()).isEqualTo(expectedCode);
        return out.toString().strip() + err.toString().strip();
    }

    @Test
    void armsShowsAndClearsFaults_throughTheApi() {
        assertThat(run(0, "function", "fault", "fn", "--error", "3"))
                .isEqualTo("fn: the next 3 invocation(s) will fail with a function error (3 of 3 left)");
        assertThat(engine.faults().plan("fn")).contains(new FaultPlan("fn", FaultKind.ERROR, 3, 3));
        assertThat(run(0, "function", "fault", "fn", "--throttle", "2"))
                .isEqualTo("fn: the next 2 invocation(s) will be throttled (429) (2 of 2 left)");
        assertThat(run(0, "function", "fault", "fn"))
                .isEqualTo("fn: the next 2 invocation(s) will be throttled (429) (2 of 2 left)");
        assertThat(run(0, "function", "fault", "fn", "--clear")).isEqualTo("Cleared: 2 unused throttle fault(s) of fn disarmed");
        assertThat(run(0, "function", "fault", "fn")).isEqualTo("No faults armed for fn");
        assertThat(engine.faults().plans()).isEmpty();
    }

    @Test
    void refusesAnUnknownFunctionAndABadCount() {
        assertThat(run(2, "function", "fault", "nope", "--timeout", "1"))
                .contains("Function 'nope' is not registered");
        assertThat(run(2, "function", "fault", "fn", "--error", "0"))
                .contains("Fault count 0 is out of range: must be 1..10000");
    }
}
