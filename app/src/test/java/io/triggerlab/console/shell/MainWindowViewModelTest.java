package io.triggerlab.console.shell;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.infra.store.DataDirectoryInUseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs without the FX toolkit: JavaFX properties work on any thread, and both threads are queues the test drives. */
class MainWindowViewModelTest {

    private static final String ADDRESS = "127.0.0.1:40123";

    private final QueuedExecutor background = new QueuedExecutor();
    private final AtomicInteger exits = new AtomicInteger();
    private final FakeSession session = new FakeSession(ADDRESS);

    private MainWindowViewModel viewModel(EngineStarter starter) {
        return new MainWindowViewModel(starter, true, background, Runnable::run, exits::incrementAndGet);
    }

    private static List<EngineState> recordStates(MainWindowViewModel vm) {
        List<EngineState> states = new ArrayList<>();
        vm.engineStateProperty().addListener((o, was, is) -> states.add(is));
        return states;
    }

    @Test
    void showsStarting_untilTheEngineHasStarted_thenRunningWithTheBrokerAddress() {
        MainWindowViewModel vm = viewModel(() -> session);
        List<EngineState> states = recordStates(vm);

        vm.start();

        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Starting());
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyMessageProperty().get()).isEqualTo("Starting the embedded Kafka broker…");
        assertThat(vm.bootstrapServersProperty().get()).isEmpty();
        assertThat(background.waiting()).as("the start runs on the background executor").isEqualTo(1);

        background.runAll();

        assertThat(states).containsExactly(new EngineState.Starting(), new EngineState.Running(ADDRESS));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Running");
        assertThat(vm.clusterNameProperty().get()).isEqualTo("Embedded sandbox");
        assertThat(vm.bootstrapServersProperty().get()).isEqualTo(ADDRESS);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).isEqualTo("Engine running · Embedded sandbox at " + ADDRESS);
    }

    @Test
    void showsFailedWithTheEnginesMessage_whenTheDataDirectoryIsInUse() {
        DataDirectoryInUseException inUse = new DataDirectoryInUseException(Path.of("/home/dev/.triggerlab"));
        MainWindowViewModel vm = viewModel(() -> {
            throw inUse;
        });
        List<EngineState> states = recordStates(vm);

        vm.start();
        background.runAll();

        assertThat(states).containsExactly(new EngineState.Starting(), new EngineState.Failed(inUse.getMessage()));
        assertThat(vm.errorMessageProperty().get())
                .startsWith("The TriggerLab data directory /home/dev/.triggerlab is in use by another TriggerLab process.")
                .doesNotContain("Exception");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.stateTextProperty().get()).isEqualTo("Failed");
        assertThat(vm.statusTextProperty().get()).isEqualTo("Engine not running: it could not start");
    }

    @Test
    void namesTheFailure_whenTheExceptionHasNoMessage() {
        MainWindowViewModel vm = viewModel(() -> {
            throw new NullPointerException();
        });

        vm.start();
        background.runAll();

        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Unexpected NullPointerException while starting the engine. The log has the details.");
    }

    @Test
    void cutsALibrarysReportShort_andPointsToTheLog() {
        String report = "Failed to execute script V1__engine_settings.sql\n" + "SQL State  : 42001\n".repeat(20);
        MainWindowViewModel vm = viewModel(() -> {
            throw new IllegalStateException(report);
        });

        vm.start();
        background.runAll();

        assertThat(vm.errorMessageProperty().get())
                .startsWith("Failed to execute script V1__engine_settings.sql\nSQL State  : 42001\n")
                .endsWith("SQL State  : 42001 … (the log has the full message)")
                .hasLineCount(6);
    }

    @Test
    void closingStopsTheEngineInTheBackground_thenExits() {
        MainWindowViewModel vm = viewModel(() -> session);
        vm.start();
        background.runAll();

        vm.requestClose();

        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Stopping());
        assertThat(vm.busyMessageProperty().get()).isEqualTo("Stopping the engine…");
        assertThat(session.closed).isZero();
        assertThat(exits).hasValue(0);

        background.runAll();

        assertThat(session.closed).isEqualTo(1);
        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Stopped());
        assertThat(exits).hasValue(1);
    }

    @Test
    void closingWhileStarting_stopsTheEngineOnceStarted_andNeverShowsRunning() {
        MainWindowViewModel vm = viewModel(() -> session);
        List<EngineState> states = recordStates(vm);

        vm.start();
        vm.requestClose();
        background.runAll();

        assertThat(states).containsExactly(
                new EngineState.Starting(), new EngineState.Stopping(), new EngineState.Stopped());
        assertThat(session.closed).isEqualTo(1);
        assertThat(exits).hasValue(1);
    }

    @Test
    void closingAfterAFailedStart_exitsWithoutAnEngineToStop() {
        MainWindowViewModel vm = viewModel(() -> {
            throw new IllegalStateException("Cannot format the sandbox broker's log directory");
        });
        vm.start();
        background.runAll();

        vm.requestClose();
        background.runAll();

        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Stopped());
        assertThat(exits).hasValue(1);
    }

    @Test
    void aSecondCloseRequest_isIgnored() {
        MainWindowViewModel vm = viewModel(() -> session);
        vm.start();
        background.runAll();

        vm.requestClose();
        vm.requestClose();
        background.runAll();
        vm.requestClose();
        background.runAll();

        assertThat(session.closed).isEqualTo(1);
        assertThat(exits).hasValue(1);
    }

    @Test
    void engineStoppingEvent_whileRunning_showsStopping() {
        MainWindowViewModel vm = viewModel(() -> session);
        vm.start();
        background.runAll();

        vm.onEngineEvent(new EngineEvent.EngineStopping(Instant.EPOCH));

        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Stopping());
    }

    @Test
    void startingTwice_isRejected() {
        MainWindowViewModel vm = viewModel(() -> session);
        vm.start();

        assertThatThrownBy(vm::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The engine can only be started once; it is Starting");
    }

    @Test
    void restartStopsTheEngineThenStartsItAgain_withTheNewClusterInTheTopBar() {
        FakeSession external = new FakeSession("kafka:9092");
        List<FakeSession> sessions = new ArrayList<>(List.of(session, external));
        MainWindowViewModel vm = viewModel(() -> sessions.remove(0));
        vm.start();
        background.runAll();
        List<EngineState> states = recordStates(vm);

        vm.restart("External cluster", false);
        assertThat(vm.busyMessageProperty().get()).isEqualTo("Restarting the engine: stopping it…");
        background.runAll();

        assertThat(session.closed).isEqualTo(1);
        assertThat(states).containsExactly(new EngineState.Stopping(), new EngineState.Starting(),
                new EngineState.Running("kafka:9092"));
        assertThat(vm.clusterNameProperty().get()).isEqualTo("External cluster");
        assertThat(vm.statusTextProperty().get()).isEqualTo("Engine running · External cluster at kafka:9092");
        assertThat(exits).hasValue(0);
    }

    @Test
    void closingDuringARestart_stopsWhatStarted_andExits() {
        FakeSession second = new FakeSession("127.0.0.1:40124");
        List<FakeSession> sessions = new ArrayList<>(List.of(session, second));
        MainWindowViewModel vm = viewModel(() -> sessions.remove(0));
        vm.start();
        background.runAll();

        vm.restart("Embedded sandbox, secured", true);
        vm.requestClose();
        background.runAll();

        assertThat(session.closed).isEqualTo(1);
        assertThat(sessions).as("no second engine is started once the window closes").containsExactly(second);
        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Stopped());
        assertThat(exits).hasValue(1);
    }

    @Test
    void offersTheSandbox_whenAStartFailsWithAnotherClusterInUse_andRestartsOnIt() {
        List<Object> starts = new ArrayList<>(List.of(new IllegalStateException("No broker at kafka:9092"), session));
        MainWindowViewModel vm = new MainWindowViewModel(() -> {
            Object next = starts.remove(0);
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (EngineSession) next;
        }, "External cluster", false, background, Runnable::run, exits::incrementAndGet);
        AtomicInteger switched = new AtomicInteger();
        vm.offerSandboxFallback("Embedded sandbox", () -> {
            switched.incrementAndGet();
            vm.restart("Embedded sandbox", true);
        });
        vm.start();
        background.runAll();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.sandboxFallbackOfferedProperty().get()).isTrue();

        vm.fallBackToSandbox();
        background.runAll();

        assertThat(switched).hasValue(1);
        assertThat(vm.engineStateProperty().get()).isEqualTo(new EngineState.Running(ADDRESS));
        assertThat(vm.clusterNameProperty().get()).isEqualTo("Embedded sandbox");
        assertThat(vm.sandboxFallbackOfferedProperty().get()).isFalse();
    }

    @Test
    void offersNoFallback_whenTheSandboxItselfFailedToStart() {
        MainWindowViewModel vm = viewModel(() -> {
            throw new IllegalStateException("Port in use");
        });
        AtomicInteger switched = new AtomicInteger();
        vm.offerSandboxFallback("Embedded sandbox", switched::incrementAndGet);
        vm.start();
        background.runAll();

        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.sandboxFallbackOfferedProperty().get()).isFalse();
        vm.fallBackToSandbox();
        assertThat(switched).hasValue(0);
    }

    private static final class FakeSession implements EngineSession {
        private final String address;
        int closed;

        FakeSession(String address) {
            this.address = address;
        }

        @Override
        public String bootstrapServers() {
            return address;
        }

        @Override
        public void close() {
            closed++;
        }
    }
}
