package com.acme.intake.request.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestStatusTest {

    @Test
    void an_aborted_provisioning_has_ended_a_failed_one_waits_for_the_platform_team() {
        assertThat(RequestStatus.endedOnes()).containsExactlyInAnyOrder(RequestStatus.REJECTED,
                RequestStatus.PROVISIONED, RequestStatus.PROVISIONING_ABORTED, RequestStatus.WITHDRAWN);
        assertThat(RequestStatus.PROVISIONING_FAILED.ended()).isFalse();
        assertThat(RequestStatus.PROVISIONING_ABORTED.withdrawable()).isFalse();
    }
}
