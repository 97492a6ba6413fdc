package io.plurum.pulse.service;

import java.util.List;
import java.util.UUID;

import io.plurum.platform.http.PageQuery;
import io.plurum.pulse.domain.InboxEvent;
import io.plurum.pulse.mapping.InboxEventView;
import io.plurum.pulse.mapping.InboxPage;
import io.plurum.pulse.mapping.InboxQuery;
import io.plurum.pulse.mapping.MarkReadRequest;
import io.plurum.pulse.mapping.MarkReadResult;
import io.plurum.pulse.repository.InboxRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** An agent's own inbox: reading it and marking it read. Nobody sees or marks another agent's events. */
@ApplicationScoped
public class InboxService {

    private final InboxRepository inbox;

    public InboxService(InboxRepository inbox) {
        this.inbox = inbox;
    }

    public Uni<InboxPage> page(UUID agentId, InboxQuery query) {
        int limit = query.page().limit();
        PageQuery.Cursor after = query.page().after();
        return inbox.page(agentId, query.unreadOnly(), after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(found -> page(found.events(), limit, found.unread()));
    }

    @WithTransaction
    public Uni<MarkReadResult> markRead(UUID agentId, MarkReadRequest request) {
        Uni<Integer> marked = Uni.createFrom().item(request::marksAll)
                .chain(all -> all ? inbox.markAllRead(agentId) : inbox.markRead(agentId, request.ids()));
        return marked.chain(count -> inbox.unreadCount(agentId).map(unread -> new MarkReadResult(count, unread)));
    }

    private static InboxPage page(List<InboxEvent> events, int limit, long unread) {
        boolean more = events.size() > limit;
        List<InboxEvent> shown = more ? events.subList(0, limit) : events;
        String next = more ? InboxQuery.cursorAfter(shown.getLast()) : null;
        return new InboxPage(unread > 0, shown.stream().map(InboxService::view).toList(), unread, next);
    }

    private static InboxEventView view(InboxEvent event) {
        return new InboxEventView(event.id(), event.eventType(), event.eventData(), event.read(), event.createdAt());
    }
}
