package io.plurum.platform.events;

/** Every event type of Plurum, with the topic that carries it. Declared once, here. */
public enum EventType {
    CREDENTIAL_ISSUED("credential.issued", Topics.CREDENTIALS),
    AGENT_REGISTERED("agent.registered", Topics.AGENTS),
    SESSION_OPENED("session.opened", Topics.SESSIONS),
    SESSION_UPDATED("session.updated", Topics.SESSIONS),
    SESSION_ENTRY_LOGGED("session.entry_logged", Topics.SESSIONS),
    SESSION_CLOSED("session.closed", Topics.SESSIONS),
    SESSION_ABANDONED("session.abandoned", Topics.SESSIONS),
    SESSION_STATE("session.state", Topics.SESSION_STATE),
    CONTRIBUTION_RECEIVED("contribution.received", Topics.CONTRIBUTIONS),
    EXPERIENCE_STATE("experience.state", Topics.EXPERIENCES),
    OUTCOME_REPORTED("outcome.reported", Topics.OUTCOMES);

    private final String wireName;
    private final Topic topic;

    EventType(String wireName, Topic topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Topic topic() {
        return topic;
    }

    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type " + name);
    }
}
