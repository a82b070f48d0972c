package io.triggerlab.console.sam;

import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.sam.ClusterChoice;
import io.triggerlab.engine.controlplane.sam.ClusterQuestion;
import io.triggerlab.engine.controlplane.sam.ImportPlan;
import io.triggerlab.engine.controlplane.sam.ImportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What File › Open SAM template… needs from the engine (the engine client's SAM calls). */
public interface SamImportBackend {

    /** The engine client's SAM calls. */
    static SamImportBackend of(EngineClient engine) {
        return new SamImportBackend() {
            @Override
            public ImportPlan plan(Path template, Map<String, String> parameters) {
                return engine.samPlan(template, parameters);
            }

            @Override
            public List<ClusterQuestion> questions(ImportPlan plan, ClusterChoice choice) {
                return engine.samClusterQuestions(plan, choice);
            }

            @Override
            public ImportResult apply(ImportPlan plan, ClusterChoice choice) {
                return engine.importSam(plan, choice);
            }
        };
    }

    ImportPlan plan(Path template, Map<String, String> parameters);

    List<ClusterQuestion> questions(ImportPlan plan, ClusterChoice choice);

    ImportResult apply(ImportPlan plan, ClusterChoice choice);
}
