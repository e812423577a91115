package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.workflow.entity.ProcessIds;

/** The application's own deployment code, run twice as two starts of the service would. */
class ModelDeploymentTest {

    ProcessEngine engine;

    @BeforeEach
    void engine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:model-deployment;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("model-deployment-test")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void deploys_every_model_and_form_from_the_top_level_folders() {
        ProcessEngineLifecycle.deployModels(engine);

        var repository = engine.getRepositoryService();
        String deploymentId = repository.createDeploymentQuery().singleResult().getId();
        assertThat(repository.getDeploymentResourceNames(deploymentId)).containsExactlyInAnyOrder(
                "intake-approval.bpmn", "intake-routing.dmn", "intake-request.form", "privacy-review.form",
                "platform-review.form");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessIds.PROCESS_KEY).count())
                .isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(ProcessIds.DECISION_KEY).count())
                .isEqualTo(1);
    }

    @Test
    void a_restart_with_unchanged_models_creates_no_new_version() {
        ProcessEngineLifecycle.deployModels(engine);

        ProcessEngineLifecycle.deployModels(engine);

        var repository = engine.getRepositoryService();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessIds.PROCESS_KEY)
                .latestVersion().singleResult().getVersion()).isEqualTo(1);
    }
}
