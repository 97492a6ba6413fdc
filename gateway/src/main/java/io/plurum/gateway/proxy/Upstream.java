package io.plurum.gateway.proxy;

import java.util.Locale;

/** The services behind the gateway. */
public enum Upstream {
    AGENTS,
    SESSIONS,
    EXPERIENCES,
    SEARCH,
    PULSE;

    /** How the service is named to callers: enough to say what is down, nothing about where it runs. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT) + " service";
    }
}
