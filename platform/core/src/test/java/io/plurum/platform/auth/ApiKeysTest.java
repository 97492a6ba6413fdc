package io.plurum.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void shouldGenerateWellFormedKeysWithPrefix() {
        String key = ApiKeys.generate();
        assertThat(key).startsWith("plrm_live_").hasSize(ApiKeys.KEY_LENGTH).matches("plrm_live_[A-Za-z0-9]+");
        assertThat(ApiKeys.isWellFormed(key)).isTrue();
    }

    @Test
    void shouldCarryAtLeast160RandomBits() {
        double bits = ApiKeys.RANDOM_LENGTH * (Math.log(62) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(160);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(ApiKeys.generate());
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void shouldRejectKeyWithOneMistypedCharacter() {
        String key = ApiKeys.generate();
        int position = ApiKeys.PREFIX.length() + 5;
        char replacement = key.charAt(position) == 'a' ? 'b' : 'a';
        String typo = key.substring(0, position) + replacement + key.substring(position + 1);
        assertThat(ApiKeys.isWellFormed(typo)).isFalse();
    }

    @Test
    void shouldRejectSwappedNeighbours() {
        String key = ApiKeys.generate();
        int p = ApiKeys.PREFIX.length() + 3;
        if (key.charAt(p) != key.charAt(p + 1)) {
            String swapped = key.substring(0, p) + key.charAt(p + 1) + key.charAt(p) + key.substring(p + 2);
            assertThat(ApiKeys.isWellFormed(swapped)).isFalse();
        }
    }

    @Test
    void shouldRejectGarbageWithoutLookup() {
        assertThat(ApiKeys.isWellFormed(null)).isFalse();
        assertThat(ApiKeys.isWellFormed("")).isFalse();
        assertThat(ApiKeys.isWellFormed("plrm_live_abc123...")).isFalse();
        assertThat(ApiKeys.isWellFormed("sk-" + ApiKeys.generate().substring(3))).isFalse();
        assertThat(ApiKeys.isWellFormed(ApiKeys.generate() + "x")).isFalse();
        String key = ApiKeys.generate();
        assertThat(ApiKeys.isWellFormed(key.substring(0, key.length() - 1) + "!")).isFalse();
    }

    @Test
    void shouldHashToLowercaseSha256Hex() {
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = ApiKeys.generate();
        assertThat(ApiKeys.hash(key)).hasSize(64).matches("[0-9a-f]+").isEqualTo(ApiKeys.hash(key));
    }
}
