package io.plurum.experiences.event;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.plurum.experiences.service.AssemblyService;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Assembles experiences from {@code session.closed}. The message is acknowledged (and its offset committed) only
 * when the returned Uni completes, that is after the experience is stored; a failure sends it to the dead-letter
 * topic. The other session events share the topic and are skipped after reading only their type.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    public static final String CHANNEL = "sessions";
    private static final String SESSION_CLOSED = EventType.SESSION_CLOSED.wireName();

    private final AssemblyService assembly;

    public SessionEventsConsumer(AssemblyService assembly) {
        this.assembly = assembly;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(record::value)
                .chain(value -> value == null || !SESSION_CLOSED.equals(type(value)) ? Uni.createFrom().voidItem()
                        : assemble(Json.read(value, EventEnvelope.class)));
    }

    private Uni<Void> assemble(EventEnvelope event) {
        return assembly.assemble(event.eventId(), SessionClosed.from(event.data()));
    }

    /**
     * The envelope's {@code type}, read without parsing the rest: every entry a session logs passes through here,
     * and only session.closed is of use.
     */
    static String type(String envelope) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("type".equals(field)) {
                    return parser.getValueAsString();
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("an event must have a type");
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON event", e);
        }
    }
}
