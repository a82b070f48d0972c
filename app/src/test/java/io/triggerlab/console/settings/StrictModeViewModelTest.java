package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StrictModeViewModelTest {

    @TempDir
    Path dataDir;

    private final AtomicBoolean engineStrict = new AtomicBoolean();

    private StrictModeViewModel viewModel() {
        return new StrictModeViewModel(engineStrict::get, engineStrict::set, new StrictModeStore(dataDir),
                new BackgroundWork(Runnable::run, Runnable::run));
    }

    @Test
    void showsWhatTheRunningEngineDoes_withoutChangingIt() {
        engineStrict.set(true);
        StrictModeViewModel vm = viewModel();

        vm.load();

        assertThat(vm.strictProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Strict: Create and Update refuse");
        assertThat(Files.exists(dataDir.resolve(ClusterInUseStore.FILE_NAME))).as("nothing saved by looking").isFalse();
    }

    @Test
    void turningItOn_appliesToTheEngineAtOnce_andIsKeptForTheNextStart_besideTheClusterInUse() {
        new ClusterInUseStore(dataDir).save(new ClusterInUse(ClusterInUse.Mode.EXTERNAL, "kafka:9092"));
        StrictModeViewModel vm = viewModel();
        vm.load();

        vm.strictProperty().set(true);

        assertThat(engineStrict.get()).isTrue();
        assertThat(new StrictModeStore(dataDir).load()).isTrue();
        assertThat(new ClusterInUseStore(dataDir).load().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(vm.statusProperty().get()).startsWith("Strict:");

        vm.strictProperty().set(false);
        assertThat(engineStrict.get()).isFalse();
        assertThat(new StrictModeStore(dataDir).load()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Not strict:");
    }

    @Test
    void noSavedChoice_orADamagedOne_meansOff() throws Exception {
        assertThat(new StrictModeStore(dataDir).load()).isFalse();
        Files.writeString(dataDir.resolve(ClusterInUseStore.FILE_NAME), "aws.strict=maybe\n");
        assertThat(new StrictModeStore(dataDir).load()).isFalse();
    }
}
