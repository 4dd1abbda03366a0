package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.gongjian.identity.Role;
import org.gongjian.org.UnitKind;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles carry the same keys, and every enum shown in the UI has a label. */
class MessagesSyncTests {

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void everyUnitKindAndRoleHasALabel() throws IOException {
        Properties zh = load("messages.properties");
        for (UnitKind kind : UnitKind.values()) {
            assertThat(zh.getProperty("enum.UnitKind." + kind.name())).isEqualTo(kind.label());
        }
        for (Role role : Role.values()) {
            assertThat(zh.getProperty("enum.Role." + role.name())).isEqualTo(role.label());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesSyncTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
