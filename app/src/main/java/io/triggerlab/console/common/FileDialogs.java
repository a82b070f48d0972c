package io.triggerlab.console.common;

import javafx.scene.Node;
import javafx.scene.Scene;

import java.io.File;

/**
 * Where the console's file dialogs open: the user's home the first time, then the folder of the last file chosen in
 * this window's family (kept on the main window's scene, so every dialog of one console shares it).
 */
public final class FileDialogs {

    private static final String KEY = FileDialogs.class.getName() + ".lastDirectory";

    private FileDialogs() {
    }

    public static File initialDirectory(Node node) {
        Object last = properties(node) == null ? null : properties(node).get(KEY);
        if (last instanceof File dir && dir.isDirectory()) {
            return dir;
        }
        File home = new File(System.getProperty("user.home"));
        return home.isDirectory() ? home : null;
    }

    public static void remember(Node node, File chosen) {
        var props = properties(node);
        File dir = chosen.isDirectory() ? chosen : chosen.getParentFile();
        if (props != null && dir != null) {
            props.put(KEY, dir);
        }
    }

    /** The properties of the top-most owner window's scene root, shared by a console's dialogs. */
    private static java.util.Map<Object, Object> properties(Node node) {
        Scene scene = node.getScene();
        if (scene == null) {
            return null;
        }
        javafx.stage.Window window = scene.getWindow();
        while (window instanceof javafx.stage.Stage stage && stage.getOwner() != null) {
            window = stage.getOwner();
        }
        return window == null || window.getScene() == null ? null : window.getScene().getRoot().getProperties();
    }
}
