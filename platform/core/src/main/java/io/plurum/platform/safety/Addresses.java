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
     * keeps code such as {@code weights@self.layer} or {@code a@np.linalg} from reading as an address, and leaves
     * out the names reserved for documentation (.example, .test, .invalid, .localhost).
     */
    private static final Set<String> GENERIC_TLDS = Set.of(
            "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "aero", "coop",
            "app", "dev", "cloud", "tech", "online", "site", "website", "store", "shop", "blog", "email", "xyz",
            "club", "live", "digital", "agency", "company", "solutions", "systems", "services", "network",
            "software", "team", "work", "world", "page", "codes", "tools", "studio", "design", "media", "group",
            "local", "internal", "corp");
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
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern VERSION_PREFIX = Pattern.compile("(?i)\\b(?:version|ver|release|build|v)[ \\t:=]*$");
    private static final int VERSION_LOOK_BACK = 16;

    private Addresses() {
    }

    /** The match is "@domain" with the domain in group 1; the local part is read backwards from the "@". */
    static boolean isPersonalEmail(String text, MatchResult m) {
        int localStart = m.start();
        int limit = Math.max(0, m.start() - MAX_LOCAL_PART - 1);
        while (localStart > limit && isLocalPartChar(text.charAt(localStart - 1))) {
            localStart--;
        }
        if (localStart == m.start() || m.start() - localStart > MAX_LOCAL_PART) {
            return false;
        }
        String local = text.substring(localStart, m.start()).toLowerCase(Locale.ROOT);
        String domain = m.group(1).toLowerCase(Locale.ROOT);
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        if (!(tld.length() == 2 || GENERIC_TLDS.contains(tld)) || PUBLIC_LOCAL_PARTS.contains(local)
                || local.startsWith("your")) {
            return false;
        }
        for (String label : domain.split("\\.")) {
            if (PLACEHOLDER_DOMAIN_LABELS.contains(label)) {
                return false;
            }
        }
        return !isLoginOrUrlUser(text, localStart, m.end());
    }

    private static boolean isLocalPartChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || "._%+-".indexOf(c) >= 0;
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

    /**
     * The match runs from the first dot (so that the scanner can anchor it there); groups 1-3 are the last three
     * octets and the first is read backwards. Only a valid host address in 10/8, 172.16/12 or 192.168/16 counts.
     */
    static boolean isPrivateHostAddress(String text, MatchResult m) {
        int start = m.start();
        while (start > 0 && m.start() - start < 3 && isDigit(text.charAt(start - 1))) {
            start--;
        }
        if (start == m.start() || start > 0 && isWordCharOrDot(text.charAt(start - 1))) {
            return false;  // no first octet, or part of a longer number, name or version (v10.1.2.3, 1.10.0.0.1)
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String octet = i == 0 ? text.substring(start, m.start()) : m.group(i);
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
        return privateRange && !network && !isVersionNumber(text, start);
    }

    private static boolean isVersionNumber(String text, int start) {
        return VERSION_PREFIX.matcher(text).region(Math.max(0, start - VERSION_LOOK_BACK), start).find();
    }

    private static boolean isWordCharOrDot(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
