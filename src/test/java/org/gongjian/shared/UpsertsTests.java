package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One statement inserts a row or sets its other columns, on the database the tests run on (H2 or PostgreSQL). */
class UpsertsTests extends IntegrationTest {

    @Autowired Upserts upserts;
    @Autowired JdbcClient jdbc;

    @Test
    void insertsAMissingRowAndUpdatesAnExistingOne() {
        String code = "UPS" + System.nanoTime() % 1_000_000;
        try {
            upserts.put("talent_tier", Map.of("code", code, "label", "甲", "sort_order", 1), "code");
            assertThat(tier(code)).containsExactly("甲 1");
            upserts.put("talent_tier", Map.of("code", code, "label", "乙", "sort_order", 2), "code");
            assertThat(tier(code)).containsExactly("乙 2");
        } finally {
            jdbc.sql("DELETE FROM talent_tier WHERE code = :c").param("c", code).update();
        }
    }

    @Test
    void namesMustBePlainAndTheKeyAmongTheColumns() {
        assertThatThrownBy(() -> Upserts.statement("talent_tier; DROP TABLE x", List.of("code"), List.of("code"), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Upserts.statement("talent_tier", List.of("label"), List.of("code"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> tier(String code) {
        return jdbc.sql("SELECT label || ' ' || sort_order FROM talent_tier WHERE code = :c").param("c", code)
                .query(String.class).list();
    }
}
