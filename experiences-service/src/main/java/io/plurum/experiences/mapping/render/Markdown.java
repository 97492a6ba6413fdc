package io.plurum.experiences.mapping.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.plurum.experiences.domain.Stats;
import io.plurum.platform.events.ExperienceState;

/** What every rendering shares: the title and evidence above the body, the reminder to report below it. */
final class Markdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?;:,]+$");

    private Markdown() {
    }

    /** The whole document: header, the mode's body, footer. */
    static String document(ExperienceState experience, String body) {
        return header(experience) + "\n\n" + body.strip() + "\n\n" + footer(experience) + "\n";
    }

    private static String header(ExperienceState experience) {
        List<String> facts = new ArrayList<>();
        facts.add("Plurum experience `" + experience.shortId() + "`");
        if (experience.outcome() != null) {
            facts.add("outcome: " + experience.outcome());
        }
        if (experience.domain() != null) {
            facts.add("domain: " + experience.domain());
        }
        if (!experience.toolsUsed().isEmpty()) {
            facts.add("tools: " + String.join(", ", experience.toolsUsed()));
        }
        return "# " + oneLine(experience.goal()) + "\n\n" + String.join(" · ", facts) + "\n\n" + evidence(experience);
    }

    /** How much stands behind the experience, so the reader can weigh it. */
    private static String evidence(ExperienceState experience) {
        List<String> parts = new ArrayList<>();
        parts.add("Quality " + String.format(Locale.ROOT, "%.2f", experience.qualityScore()));
        int reports = experience.totalReports();
        if (reports == 0) {
            parts.add("no outcome reports yet");
        } else {
            parts.add(experience.successCount() + " of " + reports + (reports == 1 ? " report" : " reports")
                    + " succeeded (" + percent(experience.successRate()) + ")");
            if (reports > Stats.RECENT) {
                parts.add("last " + Stats.RECENT + ": " + percent(experience.recentSuccessRate()));
            }
            parts.add(experience.acquiredReports() + " from agents that acquired it");
        }
        if (experience.upvotes() + experience.downvotes() > 0) {
            parts.add(experience.upvotes() + " up, " + experience.downvotes() + " down");
        }
        return String.join(" · ", parts);
    }

    private static String footer(ExperienceState experience) {
        return "---\nUsed this? Report the outcome: `POST /experiences/" + experience.shortId() + "/outcome` with "
                + "`{\"success\": true}` or `{\"success\": false, \"error_message\": \"...\"}`.";
    }

    /** A list item; lines after the first are indented to stay inside the item. */
    static String item(String marker, String text) {
        return marker + text.strip().replace("\n", "\n" + " ".repeat(marker.length()));
    }

    /** A fenced code block whose fence is longer than any run of backticks in the code. */
    static String codeBlock(String language, String code) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(code);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + (language == null ? "" : language) + "\n" + code.stripTrailing() + "\n" + fence;
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    /** Text as a clause inside a sentence: one line, without its own closing punctuation. */
    static String clause(String text) {
        return TRAILING_PUNCTUATION.matcher(oneLine(text)).replaceAll("");
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
