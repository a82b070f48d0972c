package io.triggerlab.console.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WindowLayoutStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void remembersSizePositionAndDividers() {
        WindowLayoutStore store = new WindowLayoutStore(dataDir);
        WindowLayout layout = new WindowLayout(40, 60, 1400, 900, false, 0.3, 0.45);

        store.save(layout);

        assertThat(new WindowLayoutStore(dataDir).load()).isEqualTo(layout);
        assertThat(store.file()).isEqualTo(dataDir.resolve("console-window.properties"));
    }

    @Test
    void noFileOrADamagedFile_meansTheDefaultLayout() throws Exception {
        WindowLayoutStore store = new WindowLayoutStore(dataDir);
        assertThat(store.load()).isEqualTo(WindowLayout.DEFAULT);
        assertThat(store.load().hasPosition()).isFalse();

        Files.writeString(store.file(), "width=wide\n");

        assertThat(store.load()).isEqualTo(WindowLayout.DEFAULT);
    }

    @Test
    void absurdValues_areBroughtBackIntoRange() {
        WindowLayout layout = new WindowLayout(0, 0, 100, 50, false, 0.99, -1);

        assertThat(layout.width()).isEqualTo(720);
        assertThat(layout.height()).isEqualTo(480);
        assertThat(layout.sidebarDivider()).isEqualTo(0.5);
        assertThat(layout.inspectorDivider()).isEqualTo(0.15);
    }
}
