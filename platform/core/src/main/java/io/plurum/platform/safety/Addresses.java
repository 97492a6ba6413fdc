package io.plurum.platform.safety;

import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Checks for e-mail and IPv4 candidates. Most things shaped like {@code a@b.c} or {@code a.b.c.d} in developer
 * text are SSH logins, URL user names, documentation addresses or version numbers, not personal data.
 */
final class Addresses {

    /**
     * Top-level domains accepted for e-mail: every two-letter country code plus common generic ones. A closed list
     * keeps code such as {@code weights@self.layer} or {@code a@np.linalg} from reading as an address.
     */
    private static final Set<String> GENERIC_TLDS = Set.of(
            "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "aero", "coop",
            "app", "dev", "cloud", "tech", "online", "site", "website", "store", "shop", "blog", "email", "xyz",
            "club", "live", "digital", "agency", "company", "solutions", "systems", "services", "network",
            "software", "team", "work", "world", "page", "codes", "tools", "studio", "design", "media", "group",
            "local", "internal", "corp");
    /** RFC 2606 / RFC 6761 names reserved for documentation and testing. */
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost");
    private static final Set<String> PLACEHOLDER_DOMAIN_LABELS = Set.of(
            "example", "domain", "yourdomain", "your-domain", "yourcompany", "mycompany", "company", "noreply");
    /**
     * Mailboxes that are published on purpose: no-reply senders, the RFC 2142 role addresses, {@code git} (the SSH
     * login of every git host) and the stand-ins of tutorials.
     */
    private static final Set<String> PUBLIC_LOCAL_PARTS = Set.of(
            "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "postmaster", "hostmaster",
            "webmaster", "abuse", "security", "support", "info", "sales", "marketing", "noc", "git", "you",
            "someone", "somebody", "user", "username", "name", "email", "first.last", "firstname.lastname");
    private static final Pattern SHELL_LOGIN = Pattern.compile("\\b(?:ssh|scp|sftp|rsync)\\b");
    private static final int MAX_LOOK_BACK = 200;
    private static final Pattern VERSION_PREFIX = Pattern.compile("(?i)\\b(?:version|ver|release|build|v)[ \\t:=]*$");
    private static final int VERSION_LOOK_BACK = 16;

    private Addresses() {
    }

    /** Groups: 1 local part, 2 domain. */
    static boolean isPersonalEmail(String text, MatchResult m) {
        String local = m.group(1).toLowerCase(Locale.ROOT);
        String domain = m.group(2).toLowerCase(Locale.ROOT);
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        if (!(tld.length() == 2 || GENERIC_TLDS.contains(tld)) || RESERVED_TLDS.contains(tld)
                || PUBLIC_LOCAL_PARTS.contains(local) || local.startsWith("your")) {
            return false;
        }
        for (String label : domain.split("\\.")) {
            if (PLACEHOLDER_DOMAIN_LABELS.contains(label)) {
                return false;
            }
        }
        return !isLoginOrUrlUser(text, m.start(), m.end());
    }

    /**
     * {@code https://user@host}, {@code user:pass@host} (a connection string, judged by its own rule),
     * {@code git@host:org/repo.git} and {@code ssh deploy@host} name a login on a machine, not a mailbox.
     */
    private static boolean isLoginOrUrlUser(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        if (before == '/' || before == ':' && !text.startsWith("mailto:", start - "mailto:".length())) {
            return true;
        }
        if (end + 1 < text.length() && text.charAt(end) == ':' && !Character.isWhitespace(text.charAt(end + 1))) {
            return true;
        }
        int lineStart = start;
        while (lineStart > 0 && start - lineStart < MAX_LOOK_BACK && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        return SHELL_LOGIN.matcher(text).region(lineStart, start).find();
    }

    /** Groups 1-4: the octets. Only a valid host address in 10/8, 172.16/12 or 192.168/16 counts. */
    static boolean isPrivateHostAddress(String text, MatchResult m) {
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String octet = m.group(i + 1);
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return false;
            }
            octets[i] = Integer.parseInt(octet);
            if (octets[i] > 255) {
                return false;
            }
        }
        boolean privateRange = octets[0] == 10
                || octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31
                || octets[0] == 192 && octets[1] == 168;
        // x.x.x.0, x.x.x.255 and a/nn name networks ("10.0.0.0/8" explains RFC 1918 itself), not a host
        boolean network = octets[3] == 0 || octets[3] == 255
                || m.end() + 1 < text.length() && text.charAt(m.end()) == '/' && isDigit(text.charAt(m.end() + 1));
        return privateRange && !network && !isVersionNumber(text, m.start());
    }

    private static boolean isVersionNumber(String text, int start) {
        return VERSION_PREFIX.matcher(text).region(Math.max(0, start - VERSION_LOOK_BACK), start).find();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
