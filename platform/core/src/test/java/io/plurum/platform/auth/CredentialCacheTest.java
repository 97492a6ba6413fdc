package io.plurum.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final CredentialCache cache = new CredentialCache();
    private final UUID agent = UUID.randomUUID();

    @Test
    void shouldKeepARevokedKeyRevokedWhenItsIssueArrivesLate() {
        cache.revoke("hash");
        cache.put("hash", new Credential(agent, true));
        assertThat(cache.get("hash")).contains(new Credential(null, false));
    }

    @Test
    void shouldRevokeAKnownKeyAndRememberWhose() {
        cache.put("hash", new Credential(agent, true));
        cache.revoke("hash");
        assertThat(cache.get("hash")).contains(new Credential(agent, false));
    }

    @Test
    void shouldPreferWhatTheTopicSaidOverAFallbackAnswer() {
        cache.revoke("hash");
        assertThat(cache.putIfAbsent("hash", new Credential(agent, true)).active()).isFalse();
        assertThat(cache.putIfAbsent("other", new Credential(agent, true))).isEqualTo(new Credential(agent, true));
        assertThat(cache.get("other")).contains(new Credential(agent, true));
    }

    @Test
    void shouldAcceptAnActiveKeyItHasNotSeen() {
        cache.put("hash", new Credential(agent, true));
        assertThat(cache.get("hash")).contains(new Credential(agent, true));
        assertThat(cache.get("unknown")).isEmpty();
    }
}
