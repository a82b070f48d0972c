package io.triggerlab.console.shell;

/** The frequent actions the menus and keyboard shortcuts trigger; the workspace provides them once the engine runs. */
public interface ShellActions {

    /** Trigger › New trigger… (Ctrl+N). */
    void newTrigger();

    /** Records › Produce test records… (Ctrl+P). */
    void produce();

    /** Records › Browse topic… (Ctrl+B): any topic's records, without a consumer group. */
    void browseTopic();

    /** View › Refresh (F5). */
    void refresh();

    /** File › Open SAM template…: the functions and Kafka triggers of the user's SAM project. */
    default void openSamTemplate() {
    }

    /** File › Settings… (Ctrl+,). */
    void settings();

    /** Help › Create demo triggers: demo functions, topics, records and triggers on the sandbox. */
    void createDemo();
}
