package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.Light;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chunk must fit the H2 registry's VARCHAR(100000) as serialized: quotes, backslashes and control characters in
 * titles and reasons take more characters escaped than they do in the text.
 */
class LightsChangedTests {

    @Test
    void aChunkOfTextsFullOfEscapedCharactersStillFitsTheRegistryColumn() {
        String nasty = "\"\\\u0001".repeat(60);   // 180 characters, about 480 escaped
        List<LightChanged> changes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            changes.add(new LightChanged(i, nasty, 1, 2, Light.GREEN, Light.RED, List.of(nasty, nasty), LocalDate.of(2026, 6, 15)));
        }
        List<LightsChanged> chunks = LightsChanged.chunked(changes);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(chunks.stream().mapToInt(c -> c.changes().size()).sum()).isEqualTo(1_000);
        for (LightsChanged chunk : chunks) {
            assertThat(json.writeValueAsString(chunk).length()).isLessThan(100_000);
        }
    }
}
