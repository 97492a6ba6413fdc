package io.plurum.experiences.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.plurum.platform.errors.PlurumException;

/** The {@code tools_used} of an experience: trimmed, without blanks or repeats, in the order given. */
public final class Tools {

    static final int MAX_TOOLS = 50;
    static final int MAX_TOOL_LENGTH = 100;

    private Tools() {
    }

    /** The normalised list; 400 naming the field when a tool or the list is too long. */
    public static List<String> normalize(List<String> tools) {
        if (tools == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String tool = tools.get(i) == null ? "" : tools.get(i).strip();
            if (tool.length() > MAX_TOOL_LENGTH) {
                throw PlurumException.BadRequest.field("tools_used[" + i + "]",
                        "must be at most " + MAX_TOOL_LENGTH + " characters");
            }
            if (!tool.isEmpty()) {
                kept.add(tool);
            }
        }
        if (kept.size() > MAX_TOOLS) {
            throw PlurumException.BadRequest.field("tools_used", "must list at most " + MAX_TOOLS + " tools");
        }
        return new ArrayList<>(kept);
    }
}
