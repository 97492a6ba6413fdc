package io.plurum.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code curl} examples of the skill documents, read from the documents as this instance serves them. A walk
 * takes each example by what it does, runs it with its literal body (placeholders such as {@code SESSION_ID}
 * filled in), and at the end {@link #unused()} says which examples no step ran.
 */
final class SkillExamples {

    /** One example: its method, its path below the API prefix, and its body ("" when it sends none). */
    record Example(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path + (body.isEmpty() ? "" : " " + body);
        }
    }

    private final Set<Example> all = new LinkedHashSet<>();
    private final Set<Example> used = new LinkedHashSet<>();

    /** Every example whose URL starts with {@code apiUrl}, from every document. */
    static SkillExamples parse(String apiUrl, List<String> documents) {
        SkillExamples examples = new SkillExamples();
        for (String document : documents) {
            for (List<String> command : commands(document)) {
                examples.add(apiUrl, command);
            }
        }
        return examples;
    }

    private void add(String apiUrl, List<String> words) {
        String method = null;
        String url = null;
        String body = "";
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-X" -> method = words.get(++i);
                case "-H" -> i++;
                case "-d" -> body = words.get(++i);
                default -> {
                    if (word.startsWith("http")) {
                        url = word;
                    }
                }
            }
        }
        if (url == null || !url.startsWith(apiUrl)) {
            return;
        }
        all.add(new Example(method != null ? method : body.isEmpty() ? "GET" : "POST",
                url.substring(apiUrl.length()), compact(body)));
    }

    /** The same body laid out on one line or on several is one example. */
    private static String compact(String body) {
        return body.strip().replaceAll("\\s*\n\\s*", " ").replace("{ ", "{").replace(" }", "}");
    }

    /** Splits a document's {@code curl} commands into words as a shell would: quotes kept whole, {@code \} joins lines. */
    private static List<List<String>> commands(String document) {
        List<List<String>> commands = new ArrayList<>();
        int start = document.indexOf("curl ");
        while (start >= 0) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            char quote = 0;
            int i = start;
            for (; i < document.length(); i++) {
                char c = document.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < document.length() && document.charAt(i + 1) == '\n') {
                    i++;
                } else if (c == '\n') {
                    break;
                } else if (Character.isWhitespace(c)) {
                    if (!word.isEmpty()) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(c);
                }
            }
            if (!word.isEmpty()) {
                words.add(word.toString());
            }
            commands.add(words);
            start = document.indexOf("curl ", i);
        }
        return commands;
    }

    /** The one example with this method and path whose body matches; marks it as run. */
    Example take(String method, String path, Predicate<String> body) {
        List<Example> matching = all.stream()
                .filter(example -> example.method().equals(method) && example.path().equals(path))
                .filter(example -> body.test(example.body()))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one skill example for " + method + " " + path + ", found " + matching
                    + " among " + all);
        }
        used.add(matching.getFirst());
        return matching.getFirst();
    }

    Example take(String method, String path) {
        return take(method, path, body -> true);
    }

    int size() {
        return all.size();
    }

    List<Example> unused() {
        return all.stream().filter(example -> !used.contains(example)).toList();
    }
}
