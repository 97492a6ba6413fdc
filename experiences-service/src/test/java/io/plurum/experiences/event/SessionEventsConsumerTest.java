package io.plurum.experiences.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class SessionEventsConsumerTest {

    @Test
    void shouldReadTheTypeWhereverItStandsAndSkipTheRest() {
        assertThat(SessionEventsConsumer.type("{\"event_id\": \"x\", \"type\": \"session.closed\", \"data\": {}}"))
                .isEqualTo("session.closed");
        assertThat(SessionEventsConsumer.type("{\"data\": {\"type\": \"inner\", \"entries\": [1, {\"a\": []}]},"
                + " \"type\": \"session.opened\"}")).isEqualTo("session.opened");
    }

    @Test
    void shouldRefuseWhatIsNotAnEvent() {
        assertThatThrownBy(() -> SessionEventsConsumer.type("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionEventsConsumer.type("{\"data\": {}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionEventsConsumer.type("{\"type\": ")).isInstanceOf(UncheckedIOException.class);
    }
}
