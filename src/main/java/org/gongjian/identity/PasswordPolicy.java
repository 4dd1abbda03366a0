package org.gongjian.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.jspecify.annotations.Nullable;
import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.CharacterSequence;
import org.passay.DictionarySubstringRule;
import org.passay.EnglishCharacterData;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.SequenceData;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;

/**
 * What counts as a strong enough password for a government system (等保2.0 身份鉴别), on Passay: at least 10
 * characters of three classes; no keyboard walk (rows and columns, e.g. {@code qwer}, {@code 1qaz}), alphabetical or
 * numeric run of four, or four repeated characters; no common or leaked password from the shipped list
 * ({@code identity/passwords.txt}), also after undoing letter substitutions ({@code P@ssw0rd}); not the login name,
 * the person's name or its pinyin. Returns the first reason, in Chinese, when the password is too weak.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    /** Shorter dictionary words would refuse too many good passwords as substrings; the sequence rules cover them. */
    private static final int MIN_DICTIONARY_WORD = 5;

    private static final PasswordValidator RULES = new PasswordValidator(List.of(
            new LengthRule(MIN_LENGTH, MAX_LENGTH),
            new CharacterCharacteristicsRule(3,
                    new CharacterRule(EnglishCharacterData.UpperCase, 1),
                    new CharacterRule(EnglishCharacterData.LowerCase, 1),
                    new CharacterRule(EnglishCharacterData.Digit, 1),
                    new CharacterRule(EnglishCharacterData.Special, 1)),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 4, false),
            new IllegalSequenceRule(KeyboardColumns.INSTANCE, 4, false),
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 4, false),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 4, false),
            new RepeatCharacterRegexRule(4),
            new UsernameRule(true, true)));

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry(LengthRule.ERROR_CODE_MIN, "密码至少 " + MIN_LENGTH + " 位"),
            Map.entry(LengthRule.ERROR_CODE_MAX, "密码最多 " + MAX_LENGTH + " 位"),
            Map.entry(CharacterCharacteristicsRule.ERROR_CODE, "密码须包含大写字母、小写字母、数字、符号中的至少三类"),
            Map.entry("ILLEGAL_QWERTY_SEQUENCE", "密码不能包含键盘上连续的按键（如 qwer、asdf）"),
            Map.entry(KeyboardColumns.ERROR_CODE, "密码不能包含键盘上连续的按键（如 1qaz、2wsx）"),
            Map.entry("ILLEGAL_ALPHABETICAL_SEQUENCE", "密码不能包含连续的字母（如 abcd）"),
            Map.entry("ILLEGAL_NUMERICAL_SEQUENCE", "密码不能包含连续的数字（如 1234）"),
            Map.entry("ILLEGAL_MATCH", "密码不能包含 4 个及以上重复字符"),
            Map.entry(UsernameRule.ERROR_CODE, "密码不能包含用户名"),
            Map.entry(UsernameRule.ERROR_CODE_REVERSED, "密码不能包含倒写的用户名"));

    private static final Dictionary DICTIONARY = Dictionary.load();

    private PasswordPolicy() {
    }

    static Optional<String> weakness(String password, String username) {
        return weakness(password, username, null);
    }

    /** {@code personName}: the Chinese name of the person behind the login, when there is one. */
    static Optional<String> weakness(String password, String username, @Nullable String personName) {
        RuleResult result = RULES.validate(new PasswordData(username == null ? "" : username, password));
        if (!result.isValid()) {
            String code = result.getDetails().get(0).getErrorCode();
            return Optional.of(REASONS.getOrDefault(code, "密码不符合安全要求"));
        }
        if (DICTIONARY.containsCommon(password)) {
            return Optional.of("密码过于常见（属于常用或已泄露的密码）");
        }
        if (personName != null && containsName(password, personName)) {
            return Optional.of("密码不能包含本人姓名或其拼音");
        }
        return Optional.empty();
    }

    private static boolean containsName(String password, String name) {
        String lower = password.toLowerCase(Locale.ROOT);
        String trimmed = name.strip();
        if (trimmed.length() >= 2 && password.contains(trimmed)) {
            return true;
        }
        return namePinyin(trimmed).stream().anyMatch(lower::contains);
    }

    /**
     * The spellings of a Chinese name a person would type: full pinyin in both orders, and the given name alone when
     * it is long enough to be recognisable (e.g. 张三 → zhangsan, sanzhang; 欧阳修远 → xiuyuanouyang). Polyphonic characters give every reading.
     */
    static Set<String> namePinyin(String name) {
        List<List<String>> readings = new ArrayList<>();
        for (char c : name.toCharArray()) {
            List<String> forms = readings(c);
            if (!forms.isEmpty()) {
                readings.add(forms);
            }
        }
        Set<String> spellings = new LinkedHashSet<>();
        if (readings.size() < 2) {
            return spellings;
        }
        // A surname is one character, or two for the compound ones (欧阳, 司马): try both splits.
        for (int split = 1; split <= 2 && split < readings.size(); split++) {
            for (String surname : combine(readings.subList(0, split))) {
                for (String given : combine(readings.subList(split, readings.size()))) {
                    spellings.add(surname + given);
                    spellings.add(given + surname);
                    if (given.length() >= 4) {
                        spellings.add(given);
                    }
                }
            }
        }
        spellings.removeIf(s -> s.length() < 4);
        return spellings;
    }

    private static List<String> readings(char c) {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        try {
            String[] forms = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return forms == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(forms)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every combination of the characters' readings, capped so a name of many polyphones stays cheap. */
    private static List<String> combine(List<List<String>> readings) {
        List<String> result = List.of("");
        for (List<String> forms : readings) {
            List<String> next = new ArrayList<>();
            for (String prefix : result) {
                for (String form : forms) {
                    if (next.size() < 32) {
                        next.add(prefix + form);
                    }
                }
            }
            result = next;
        }
        return result;
    }

    /** Keyboard columns ({@code 1qaz}, {@code 2wsx} …) with their shifted forms; Passay's USQwerty has the rows only. */
    enum KeyboardColumns implements SequenceData {
        INSTANCE;

        static final String ERROR_CODE = "ILLEGAL_KEYBOARD_COLUMN_SEQUENCE";

        private static final CharacterSequence[] SEQUENCES = {
            new CharacterSequence("1qaz", "!QAZ"), new CharacterSequence("2wsx", "@WSX"),
            new CharacterSequence("3edc", "#EDC"), new CharacterSequence("4rfv", "$RFV"),
            new CharacterSequence("5tgb", "%TGB"), new CharacterSequence("6yhn", "^YHN"),
            new CharacterSequence("7ujm", "&UJM"), new CharacterSequence("8ik,", "*IK<"),
            new CharacterSequence("9ol.", "(OL>"), new CharacterSequence("0p;/", ")P:?"),
        };

        @Override
        public String getErrorCode() {
            return ERROR_CODE;
        }

        @Override
        public CharacterSequence[] getSequences() {
            return SEQUENCES.clone();
        }
    }

    /** The shipped list of common and leaked passwords, matched as substrings, also after undoing substitutions. */
    private record Dictionary(DictionarySubstringRule rule) {

        static Dictionary load() {
            Set<String> words = new TreeSet<>();
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("identity/passwords.txt is missing from the classpath");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    String word = line.strip().toLowerCase(Locale.ROOT);
                    if (!word.startsWith("#") && word.length() >= MIN_DICTIONARY_WORD) {
                        words.add(word);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] sorted = words.toArray(String[]::new);
            java.util.Arrays.sort(sorted, String.CASE_INSENSITIVE_ORDER);
            return new Dictionary(new DictionarySubstringRule(new WordListDictionary(new ArrayWordList(sorted, false))));
        }

        boolean containsCommon(String password) {
            String lower = password.toLowerCase(Locale.ROOT);
            return !rule.validate(new PasswordData(lower)).isValid()
                    || !rule.validate(new PasswordData(unsubstituted(lower))).isValid();
        }

        private static String unsubstituted(String lower) {
            StringBuilder plain = new StringBuilder(lower.length());
            for (char c : lower.toCharArray()) {
                plain.append(switch (c) {
                    case '@', '4' -> 'a';
                    case '0' -> 'o';
                    case '1', '!' -> 'i';
                    case '3' -> 'e';
                    case '$', '5' -> 's';
                    case '7' -> 't';
                    default -> c;
                });
            }
            return plain.toString();
        }
    }
}
