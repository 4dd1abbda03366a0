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

    /** The four passwords the security review found accepted (issue #17): each fails, for its own reason. */
    @Test
    void refusesTheReviewsFourExamples() {
        assertThat(PasswordPolicy.weakness("1qaz@WSX3edc", "wangwu")).get().asString().contains("1qaz");
        assertThat(PasswordPolicy.weakness("P@ssw0rd2026", "wangwu")).get().asString().contains("常见");
        assertThat(PasswordPolicy.weakness("Qwer1234!@#$", "wangwu")).get().asString().contains("连续");
        assertThat(PasswordPolicy.weakness("zhangsan@1990", "wangwu", "张三")).isPresent();
        assertThat(PasswordPolicy.weakness("zhangsan@1990", "wangwu", "张三").get()).isIn("密码不能包含本人姓名或其拼音",
                "密码过于常见（属于常用或已泄露的密码）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin@12345", "Password123!", "Changeme-2026", "Gongjian@2026", "1234567890Ab!",
            "Woaini1314!!", "Iloveyou.2026", "Sunshine#2026", "Passw0rd-Gov", "Dragon-River-77"})
    void refusesCommonAndLeakedPasswordsAndTheirVariants(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcd-Gov-2026x", "Xy9-Qwerty-Ok", "Xy9-hjkl;-Ok", "Kx9#mP2$vL7q6789", "Kx9#ZZZZ-mP2$"})
    void refusesSequencesAndRepeats(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).isPresent();
    }

    @Test
    void refusesPasswordsContainingTheUsernameEitherWay() {
        assertThat(PasswordPolicy.weakness("Xx-Lianluo7-2026", "lianluo7")).hasValue("密码不能包含用户名");
        assertThat(PasswordPolicy.weakness("Xx-7oulnail-2026", "lianluo7")).hasValue("密码不能包含倒写的用户名");
    }

    @Test
    void refusesTheNameAndItsPinyinInAnyCaseOrOrder() {
        String reason = "密码不能包含本人姓名或其拼音";
        assertThat(PasswordPolicy.weakness("Xx9-欧阳修远-Gov", "oyxy", "欧阳修远")).hasValue(reason);
        assertThat(PasswordPolicy.weakness("OuYangXiuYuan#86", "oyxy", "欧阳修远")).hasValue(reason);
        assertThat(PasswordPolicy.weakness("Mt#XiuYuanOuyang8", "oyxy", "欧阳修远")).hasValue(reason);
        assertThat(PasswordPolicy.weakness("Mt#WEIGUO-86", "zwg", "钟卫国")).hasValue(reason);
        assertThat(PasswordPolicy.weakness("Mt#WEIGUO-86", "zwg", null)).isEmpty();
        assertThat(PasswordPolicy.weakness("Kx9#mP2$vL7q", "oyxy", "欧阳修远")).isEmpty();
    }

    @Test
    void spellsPolyphonicNamesEveryWay() {
        // 单 reads shan or dan; the surname is shan, but a person may type either.
        assertThat(PasswordPolicy.namePinyin("单雄信")).contains("shanxiongxin", "danxiongxin", "xiongxin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "abcdefgh1234", "ABCDEF-GHIJ", "1357-2468-97"})
    void refusesFewerThanThreeCharacterClasses(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kx9#mP2$vL7q", "长城-Great-Wall-9", "Tide&Rock-39", "xian2026Gov!", "Fixture-Pass-2026"})
    void acceptsStrongPasswords(String password) {
        assertThat(PasswordPolicy.weakness(password, "zhang", "张三")).isEmpty();
    }
}
