package dev.stampboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison {@link TwoConsolesOnPostgresTest} relies on: it finds differences, and hides only what it names. */
class ApiAgreementTest {

    private static final ApiAgreement.Get STAMPS = new ApiAgreement.Get("/api/v1/stamps", "dave");
    private static final ApiAgreement.Get EXECUTION = new ApiAgreement.Get("/api/v1/plans/p-1/execution", "dave");

    @Test
    void names_every_pointer_that_differs_and_a_status_that_differs() {
        List<String> diff = ApiAgreement.diff(
                STAMPS,
                ApiAgreement.answer(200, "[{\"name\":\"s1\",\"score\":41.5,\"pools\":[{\"p95\":70.0}]}]"),
                ApiAgreement.answer(200, "[{\"name\":\"s1\",\"score\":null,\"pools\":[{\"p95\":71.0}],\"extra\":1}]"));
        assertThat(diff)
                .containsExactly(
                        "/0/extra: A (missing), B 1", "/0/pools/0/p95: A 70.0, B 71.0", "/0/score: A 41.5, B null");
        assertThat(ApiAgreement.diff(STAMPS, ApiAgreement.answer(200, "[]"), ApiAgreement.answer(400, "[]")))
                .containsExactly("status 200 on A, 400 on B");
        assertThat(ApiAgreement.diff(STAMPS, ApiAgreement.answer(200, "[1,2]"), ApiAgreement.answer(200, "[1,2,3]")))
                .containsExactly("/: A [1,2], B [1,2,3]");
    }

    @Test
    void hides_only_the_named_fields_of_the_named_reads() {
        String onA = "{\"moves\":[{\"state\":\"DRAINING\",\"progress\":0.16,\"timeLeft\":\"PT25S\"}]}";
        String onB = "{\"moves\":[{\"state\":\"DRAINING\",\"progress\":0.17,\"timeLeft\":\"PT24S\"}]}";
        assertThat(ApiAgreement.diff(EXECUTION, ApiAgreement.answer(200, onA), ApiAgreement.answer(200, onB)))
                .isEmpty();
        // the same fields elsewhere are compared
        assertThat(ApiAgreement.diff(STAMPS, ApiAgreement.answer(200, onA), ApiAgreement.answer(200, onB)))
                .hasSize(2);
        // and everything else of the named read is
        assertThat(ApiAgreement.diff(
                        EXECUTION,
                        ApiAgreement.answer(200, onA),
                        ApiAgreement.answer(200, onB.replace("DRAINING", "VALIDATING"))))
                .containsExactly("/moves/0/state: A \"DRAINING\", B \"VALIDATING\"");
    }

    @Test
    void lists_the_controllers_gets_and_what_a_comparison_leaves_out() {
        // DESIGN §11's reads, counted by hand from the controllers: 32 GETs under /api/v1
        assertThat(ApiAgreement.getMappings())
                .hasSize(32)
                .containsKeys(
                        "/api/v1/stamps",
                        "/api/v1/stamps/{stamp}/pools/{pool}/hot-node",
                        "/api/v1/plans/{id}/execution",
                        "/api/v1/migrations",
                        "/api/v1/capacity/changes/{id}",
                        "/api/v1/users/local-sign-in");
        assertThat(ApiAgreement.uncovered(List.of(new ApiAgreement.Get("/api/v1/stamps?region=r", "dave"))))
                .hasSize(31)
                .contains("/api/v1/plans/{id}/execution (ExecutionApi.execution)")
                .noneMatch(s -> s.startsWith("/api/v1/stamps "));
    }
}
