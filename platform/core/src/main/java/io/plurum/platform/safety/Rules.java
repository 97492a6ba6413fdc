package io.plurum.platform.safety;

import static io.plurum.platform.safety.Plausibility.hasDigitOrSymbol;
import static io.plurum.platform.safety.Plausibility.isPlausiblePassword;
import static io.plurum.platform.safety.Plausibility.longestAlphanumericRun;
import static io.plurum.platform.safety.Plausibility.looksRandom;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The scanner's rules, most specific first: a later rule skips text an earlier one already judged, as secret or
 * as placeholder, so {@code Authorization: Bearer ghp_...} is one GitHub token rather than also a bearer token.
 *
 * <p>Every pattern runs in linear time: repetitions are bounded or possessive, and no quantified group contains an
 * alternation (Java's regex engine recurses on those and can overflow the stack on long inputs). Patterns start
 * with their anchor (a key prefix, a keyword, "://", "@"); a check that the anchor is not glued to a preceding
 * word is a lookbehind after it, which the scanner's transparent region bounds let see the text before.
 */
final class Rules {

    private static final String KEY_ASSIGNMENT = "[\"']?[ \\t]{0,8}(?::=|=(?![=>~])|:(?![:/=]))[ \\t]{0,8}";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i)(?:api[_.-]?(?:key|token|secret)"
            + "|secret[_.-]?key|(?:client|app)[_.-]?secret|(?:access|auth|refresh|session|private|bot)[_.-]?token)$");
    private static final Pattern ENV_CREDENTIAL_NAME = Pattern.compile("[A-Z0-9_]*_(?:TOKEN|SECRET)");
    private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");
    private static final int PRIVATE_KEY_BODY_WINDOW = 256;
    private static final int MIN_PRIVATE_KEY_LINE = 40;
    /** OpenAI keys are long base64url runs; kebab-case names such as sk-my-2024-project-notes are not. */
    private static final int MIN_OPENAI_RUN = 16;
    private static final int MAX_KEY_NAME = 64;

    static final List<Rule> ORDERED = List.of(
            Rule.of(FindingKind.PRIVATE_KEY_BLOCK,
                    "-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----",
                    List.of("-----begin "),
                    (text, m) -> hasKeyBody(text, m.end())),
            Rule.of(FindingKind.JWT,
                    "(" + prefix("eyJ", "[A-Za-z0-9_-]") + "[A-Za-z0-9_-]{8,}+)"
                            + "\\.(eyJ[A-Za-z0-9_-]{8,}+)\\.([A-Za-z0-9_-]{16,}+)",
                    List.of("eyj"),
                    (text, m) -> isRealJwt(m)),
            Rule.of(FindingKind.PLURUM_KEY,
                    prefix("plrm_live_", "[A-Za-z0-9_]") + "([A-Za-z0-9]{20,}+)",
                    List.of("plrm_live_"),
                    (text, m) -> looksRandom(m.group(1))),
            Rule.of(FindingKind.ANTHROPIC_KEY,
                    prefix("sk-ant-", "[A-Za-z0-9_-]") + "([A-Za-z0-9_-]{32,}+)",
                    List.of("sk-ant-"),
                    (text, m) -> looksRandom(m.group(1))),
            Rule.of(FindingKind.OPENAI_KEY,
                    prefix("sk-", "[A-Za-z0-9_-]") + "(?:proj-|svcacct-|admin-)?([A-Za-z0-9_-]{20,}+)",
                    List.of("sk-"),
                    (text, m) -> looksRandom(m.group(1)) && longestAlphanumericRun(m.group(1)) >= MIN_OPENAI_RUN),
            Rule.of(FindingKind.GITHUB_TOKEN,
                    prefix("gh[pousr]_", "[A-Za-z0-9_]") + "([A-Za-z0-9]{30,}+)"
                            + "|" + prefix("github_pat_", "[A-Za-z0-9_]") + "([A-Za-z0-9_]{40,}+)",
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                    (text, m) -> looksRandom(firstGroup(m))),
            Rule.of(FindingKind.AWS_ACCESS_KEY,
                    prefix("A[KS]IA", "[A-Za-z0-9]") + "([A-Z0-9]{16})(?![A-Za-z0-9])",
                    List.of("akia", "asia"),
                    // the body is base32 upper case: one character class is all it has
                    (text, m) -> looksRandom(m.group(1), 1)),
            Rule.of(FindingKind.AWS_SECRET_KEY,
                    "(?i)secret[_.-]?access[_.-]?key" + KEY_ASSIGNMENT + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                    List.of("secret"),
                    (text, m) -> looksRandom(m.group(1))),
            Rule.of(FindingKind.SLACK_TOKEN,
                    prefix("xox[abposr]-", "[A-Za-z0-9]") + "([A-Za-z0-9-]{20,}+)"
                            + "|" + prefix("xapp-", "[A-Za-z0-9]") + "([A-Za-z0-9-]{20,}+)",
                    List.of("xox", "xapp-"),
                    (text, m) -> looksRandom(firstGroup(m))),
            Rule.of(FindingKind.SLACK_TOKEN,
                    "hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/([A-Za-z0-9]{24})",
                    List.of("hooks.slack.com"),
                    (text, m) -> looksRandom(m.group(1))),
            Rule.of(FindingKind.GOOGLE_API_KEY,
                    prefix("AIza", "[A-Za-z0-9_-]") + "([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])",
                    List.of("aiza"),
                    (text, m) -> looksRandom(m.group(1))),
            Rule.of(FindingKind.STRIPE_KEY,
                    prefix("[sr]k_(?:live|test)_", "[A-Za-z0-9_]") + "([A-Za-z0-9]{20,}+)"
                            + "|" + prefix("whsec_", "[A-Za-z0-9_]") + "([A-Za-z0-9]{24,}+)",
                    List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"),
                    (text, m) -> looksRandom(firstGroup(m))),
            Rule.of(FindingKind.API_KEY,
                    prefix("glpat-", "[A-Za-z0-9_-]") + "([A-Za-z0-9_-]{20,}+)"
                            + "|" + prefix("hf_", "[A-Za-z0-9_-]") + "([A-Za-z0-9]{30,}+)"
                            + "|" + prefix("npm_", "[A-Za-z0-9_-]") + "([A-Za-z0-9]{36,}+)",
                    List.of("glpat-", "hf_", "npm_"),
                    (text, m) -> looksRandom(firstGroup(m))),
            Rule.of(FindingKind.BASIC_AUTH,
                    prefix("Basic", "\\w") + "[ \\t]+([A-Za-z0-9+/]{8,}+={0,2})(?![A-Za-z0-9+/=])",
                    List.of("basic"),
                    (text, m) -> isRealBasicCredential(m.group(1))),
            Rule.of(FindingKind.BEARER_TOKEN,
                    "(?i)" + prefix("bearer", "\\w") + "[ \\t]+([A-Za-z0-9._~+/-]{20,}+=*)",
                    List.of("bearer"),
                    // a JWT-shaped value is the JWT rule's to judge; what it left is a lone header such as
                    // "Bearer eyJhbGciOi...<payload>.<signature>" in documentation
                    (text, m) -> !m.group(1).startsWith("eyJ") && looksRandom(m.group(1))),
            Rule.of(FindingKind.CONNECTION_STRING_PASSWORD,
                    "://(?<=[A-Za-z0-9]://)([^\\s:/@?#\"'`]{0,64}+):([^\\s/?\"'`]{1,128})@",
                    List.of("://"),
                    (text, m) -> isPlausiblePassword(m.group(2), m.group(1))),
            Rule.of(FindingKind.PASSWORD_ASSIGNMENT,
                    "(?i)(p(?:ass(?:word|wd|phrase)?|wd))" + KEY_ASSIGNMENT
                            + "(?:\"([^\"\\r\\n]{1,128}+)\"|'([^'\\r\\n]{1,128}+)'"
                            + "|([^\\s\"'`;,&()\\[\\]{}<>]{1,128}+)(?![(\\[]))",
                    List.of("pass", "pwd"),
                    (text, m) -> isPasswordKey(text, m) && isPasswordValue(m)),
            Rule.of(FindingKind.PASSWORD_ASSIGNMENT,
                    "(?i)(?:identified[ \\t]+by|password)[ \\t]+'([^'\\r\\n]{1,128}+)'",
                    List.of("identified", "password"),
                    (text, m) -> isPlausiblePassword(m.group(1), "")),
            Rule.of(FindingKind.API_KEY,
                    "(?i)(key|token|secret)" + KEY_ASSIGNMENT + "[\"'`]?([A-Za-z0-9_+/=~-]{20,}+)(?![(\\[])",
                    List.of("key", "token", "secret"),
                    (text, m) -> isCredentialName(keyName(text, m.start(), m.end(1))) && looksRandom(m.group(2))),
            Rule.of(FindingKind.EMAIL,
                    "@((?:[A-Za-z0-9-]{1,63}+\\.){1,8}[A-Za-z]{2,24}+)(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
                    List.of("@"),
                    Addresses::isPersonalEmail),
            Rule.of(FindingKind.PRIVATE_IP,
                    "\\.(\\d{1,3}+)\\.(\\d{1,3}+)\\.(\\d{1,3}+)(?!\\w|\\.\\d)",
                    List.of("."),
                    Addresses::isPrivateHostAddress));

    private Rules() {
    }

    /**
     * {@code literal} where it is not glued to a preceding {@code notAfter} character. The lookbehind follows the
     * literal so that the match still starts at the literal, where the scanner anchors it.
     */
    private static String prefix(String literal, String notAfter) {
        return literal + "(?<!" + notAfter + literal + ")";
    }

    /** The whole setting name ending at {@code end}, e.g. "spring.datasource.password" for a match at "password". */
    private static String keyName(String text, int matchStart, int end) {
        int start = matchStart;
        while (start > 0 && matchStart - start < MAX_KEY_NAME && isKeyNameChar(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    private static boolean isKeyNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    /** The alternative that matched, for patterns whose alternatives each capture the token body. */
    private static String firstGroup(MatchResult m) {
        for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("every alternative captures a group");
    }

    /**
     * Documentation writes the header with "..." or "&lt;key&gt;" for a body; a real block continues with lines
     * of random base64 (after optional "Proc-Type:"/"Version:" headers).
     */
    private static boolean hasKeyBody(String text, int headerEnd) {
        int limit = Math.min(text.length(), headerEnd + PRIVATE_KEY_BODY_WINDOW);
        int runStart = headerEnd;
        for (int i = headerEnd; i <= limit; i++) {
            boolean base64 = i < limit && isBase64(text.charAt(i)) && !text.startsWith("-----", i);
            if (!base64) {
                if (i - runStart >= MIN_PRIVATE_KEY_LINE && looksRandom(text.substring(runStart, i))) {
                    return true;
                }
                runStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '=';
    }

    /** A JWT's header and payload decode to JSON; the jwt.io sample token ("John Doe") is documentation. */
    private static boolean isRealJwt(MatchResult m) {
        String header = decodeBase64Url(m.group(1));
        String payload = decodeBase64Url(m.group(2));
        boolean sample = payload.contains("\"sub\":\"1234567890\"") && payload.contains("\"name\":\"John Doe\"");
        return header.startsWith("{") && header.contains("\"alg\"") && payload.startsWith("{") && !sample;
    }

    /** RFC 7617's own example ("aladdin:opensesame") and "user:password" fail the password checks. */
    private static boolean isRealBasicCredential(String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String credential = new String(decoded, StandardCharsets.ISO_8859_1);
        int colon = credential.indexOf(':');
        return colon > 0 && credential.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                && isPlausiblePassword(credential.substring(colon + 1), credential.substring(0, colon));
    }

    /**
     * Group 1 is the keyword. "password" may end any name (PGPASSWORD, db.password); the short "pass" and "pwd"
     * count only as a whole name or after a separator (DB_PASS), so that "bypass", "compass" and the shell's
     * PWD/OLDPWD stay out.
     */
    private static boolean isPasswordKey(String text, MatchResult m) {
        String keyword = m.group(1).toLowerCase(Locale.ROOT);
        if (!keyword.equals("pass") && !keyword.equals("pwd")) {
            return true;
        }
        if (keyName(text, m.start(), m.end(1)).length() == keyword.length()) {
            return keyword.equals("pass");
        }
        return "_.-".indexOf(text.charAt(m.start() - 1)) >= 0;
    }

    /**
     * Groups: 2 double-quoted, 3 single-quoted, 4 bare value. A bare value is usually code
     * ({@code password = input}, {@code password = cfg.db.password}); only one with a digit or symbol counts.
     */
    private static boolean isPasswordValue(MatchResult m) {
        if (m.group(4) == null) {
            return isPlausiblePassword(m.group(2) != null ? m.group(2) : m.group(3), "");
        }
        String bare = m.group(4);
        return hasDigitOrSymbol(bare) && !DOTTED_IDENTIFIER.matcher(bare).matches() && isPlausiblePassword(bare, "");
    }

    /**
     * "api_key", "clientSecret", "X-Access-Token" always name a credential. The bare suffixes "_token"/"_secret"
     * count only in upper-case environment variables ({@code HF_TOKEN}); in code they are as often pagination
     * or CSRF tokens ({@code next_page_token}, {@code csrf_token}), and "key" alone is any dictionary key.
     */
    private static boolean isCredentialName(String name) {
        return CREDENTIAL_NAME.matcher(name).find() || ENV_CREDENTIAL_NAME.matcher(name).matches();
    }

    private static String decodeBase64Url(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64Url) {
            return "";
        }
    }
}
