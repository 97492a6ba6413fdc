package io.plurum.pulse.mapping;

import java.util.List;
import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /pulse/inbox/mark-read}: some events by id, or all of them ({@code mark_all} wins when both come). */
public record MarkReadRequest(@Size(max = 1000, message = "may hold at most 1000 ids")
                              List<@NotNull(message = "must be an id") UUID> eventIds,
                              Boolean markAll) {

    public boolean marksAll() {
        return Boolean.TRUE.equals(markAll);
    }

    /** The ids to mark; 400 when the request names neither ids nor mark_all. */
    public List<UUID> ids() {
        if (eventIds == null) {
            throw PlurumException.BadRequest.field("event_ids", "is required unless mark_all is true");
        }
        return eventIds;
    }
}
