package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.weakness("Ab1-xyz9", "zhang")).hasValue("密码至少 10 位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin@12345", "Password123!", "Changeme-2026", "Gongjian@2026", "1234567890Ab!"})
    void refusesCommonPasswordsAndTheirVariants(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).hasValue("密码过于常见");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThat(PasswordPolicy.weakness("Xx-ZhangSan-2026", "zhangsan")).hasValue("密码不能包含用户名");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "abcdefgh1234", "ABCDEF-GHIJ", "1234-5678-90"})
    void refusesFewerThanThreeCharacterClasses(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).get().asString().contains("至少三类");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Strong-Pass-2026", "xian2026Gov!", "Kx9#mP2$vL7q", "长城-Great-Wall-9"})
    void acceptsStrongPasswords(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).isEmpty();
    }
}
