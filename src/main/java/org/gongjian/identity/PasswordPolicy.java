package org.gongjian.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What counts as a strong enough password for a government system; returns the reason when it is not. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private static final Set<String> KNOWN_WEAK = Set.of("admin", "administrator", "password", "changeme",
            "123456", "12345678", "1234567890", "qwerty", "gongjian", "admin123", "password1", "demo", "111111");

    private PasswordPolicy() {
    }

    static Optional<String> weakness(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.length() < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 位");
        }
        if (KNOWN_WEAK.stream().anyMatch(lower::startsWith) && password.length() < 14) {
            return Optional.of("密码过于常见");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("密码不能包含用户名");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        return Optional.empty();
    }
}
