package io.plurum.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;

class ToolListTest {

    @Test
    void shouldTrimAndDropBlanksAndRepeatsKeepingOrder() {
        assertThat(ToolList.normalize(Arrays.asList(" docker", "postgresql", "", null, "docker ")))
                .containsExactly("docker", "postgresql");
        assertThat(ToolList.normalize(null)).isEmpty();
    }

    @Test
    void shouldRejectTooLongToolNamingItsIndex() {
        assertThatThrownBy(() -> ToolList.normalize(List.of("docker", "x".repeat(101))))
                .isInstanceOf(PlurumException.BadRequest.class)
                .hasMessageContaining("tools_used[1]");
    }

    @Test
    void shouldRejectMoreThanFiftyTools() {
        List<String> tools = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tools.add("tool" + i);
        }
        assertThatThrownBy(() -> ToolList.normalize(tools)).hasMessageContaining("at most 50");
        assertThat(ToolList.normalize(Collections.nCopies(60, "same"))).containsExactly("same");
    }
}
