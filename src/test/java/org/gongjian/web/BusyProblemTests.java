package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;

/** A write given up over locks is a 503 to try again, in Chinese, naming nothing of the database. */
class BusyProblemTests {

    @Test
    void aLockFailureIsA503WithRetryAfter() {
        var answer = new ApiExceptionHandler().busy(new PessimisticLockingFailureException(
                "ERROR: deadlock detected; Process 4711 waits for ShareLock on transaction 815"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getType().toString()).endsWith("/busy");
        assertThat(answer.getBody().getDetail()).contains("未能完成", "稍后重试").doesNotContain("deadlock", "4711");
    }
}
