package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two calls on the same task or request at the same moment: one wins, the other gets 409 with a
 * stable code, never 500, and the request ends in the state of the call that won. Each race is
 * run a few times, released together by a latch, since one run may not overlap.
 */
@ExtendWith(ArquillianExtension.class)
class RacesIT {

    private static final int ROUNDS = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    ExecutorService pool;

    @BeforeEach
    void client() {
        api = new Api(base);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void two_claims_at_once_one_gets_the_task_the_other_409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = api.submit("alice", RequestBodies.withoutPii("claim_race_" + round));
            String task = api.awaitTask("pat", id, "platformReview");

            List<Api.Answer> answers = together(
                    () -> api.post("pat", "api/tasks/" + task + "/claim", null),
                    () -> api.post("paul", "api/tasks/" + task + "/claim", null));

            assertOneWonOneConflicted(answers, "TASK_ALREADY_CLAIMED");
            String winner = answers.get(0).status() == 200 ? "pat" : "paul";
            assertThat(api.get(winner, "api/tasks/" + task).object().getString("assignee")).isEqualTo(winner);
        }
    }

    @Test
    void two_decisions_at_once_one_decides_the_other_409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = api.submit("alice", RequestBodies.withoutPii("decision_race_" + round));
            String task = api.awaitTask("pat", id, "platformReview");
            String reject = "{\"outcome\": \"REJECT\", \"comment\": \"not needed\"}";

            List<Api.Answer> answers = together(
                    () -> api.post("pat", "api/tasks/" + task + "/decision", reject),
                    () -> api.post("paul", "api/tasks/" + task + "/decision", reject));

            assertOneWonOneConflicted(answers, "TASK_ALREADY_COMPLETED");
            assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("REJECTED");
        }
    }

    @Test
    void a_decision_on_a_task_completed_a_moment_ago_gets_409_with_its_code() {
        long id = api.submit("alice", RequestBodies.withoutPii("decided_just_now"));
        String task = api.awaitTask("pat", id, "platformReview");
        String reject = "{\"outcome\": \"REJECT\", \"comment\": \"not needed\"}";
        assertThat(api.post("pat", "api/tasks/" + task + "/decision", reject).status()).isEqualTo(200);

        var late = api.post("paul", "api/tasks/" + task + "/decision", reject);

        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.object().getString("code")).isEqualTo("TASK_ALREADY_COMPLETED");
    }

    @Test
    void a_withdrawal_racing_a_decision_one_wins_the_other_409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long id = api.submit("alice", RequestBodies.withoutPii("withdraw_race_" + round));
            String task = api.awaitTask("pat", id, "platformReview");

            List<Api.Answer> answers = together(
                    () -> api.post("alice", "api/requests/" + id + "/withdraw", null),
                    () -> api.post("pat", "api/tasks/" + task + "/decision",
                            "{\"outcome\": \"REJECT\", \"comment\": \"not needed\"}"));

            Api.Answer withdraw = answers.get(0);
            Api.Answer decision = answers.get(1);
            assertThat(List.of(withdraw.status(), decision.status())).as(answers.toString())
                    .containsExactlyInAnyOrder(200, 409);
            String status = api.get("alice", "api/requests/" + id).object().getString("status");
            if (withdraw.status() == 200) {
                assertThat(decision.object().getString("code")).isEqualTo("TASK_ALREADY_COMPLETED");
                assertThat(status).isEqualTo("WITHDRAWN");
            } else {
                assertThat(withdraw.object().getString("code")).isEqualTo("REQUEST_NOT_WITHDRAWABLE");
                assertThat(status).isEqualTo("REJECTED");
            }
        }
    }

    private static void assertOneWonOneConflicted(List<Api.Answer> answers, String code) {
        assertThat(answers).as(answers.toString()).extracting(Api.Answer::status)
                .containsExactlyInAnyOrder(200, 409);
        Api.Answer conflict = answers.stream().max(Comparator.comparingInt(Api.Answer::status)).orElseThrow();
        assertThat(conflict.object().getString("code")).as(conflict.toString()).isEqualTo(code);
    }

    /** Runs both calls released by one latch, and returns their answers in the order given. */
    @SafeVarargs
    private List<Api.Answer> together(Supplier<Api.Answer>... calls) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<Api.Answer>> futures = new ArrayList<>();
        for (Supplier<Api.Answer> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.get();
            }));
        }
        start.countDown();
        List<Api.Answer> answers = new ArrayList<>();
        for (Future<Api.Answer> f : futures) {
            answers.add(f.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }
}
