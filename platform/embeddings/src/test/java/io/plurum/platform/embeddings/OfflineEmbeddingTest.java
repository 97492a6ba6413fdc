package io.plurum.platform.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The model must load and embed without touching the network. Each case runs {@link NetworkProbe} in a fresh JVM
 * started without {@code -Dai.djl.offline} and without {@code OPT_OUT_TRACKING}, the way a careless launcher would,
 * because the tokenizer library calls home once per JVM and the surefire JVM already has both switches. Where
 * {@code unshare} works (root on Linux) the child also gets an empty network namespace, so even a connection the
 * probe could not see would go nowhere.
 */
class OfflineEmbeddingTest {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");

    @Test
    void shouldLoadAndEmbedWithoutAnyConnectionAttempt() throws Exception {
        String output = probe("plurum");

        assertThat(output).contains("attempts=0 ", "dimensions=384");
    }

    @Test
    void shouldDetectTheCallHomeOfTheUnguardedLibrary() throws Exception {
        String output = probe("raw");

        assertThat(output).doesNotContain("attempts=0 ").contains("169.254.169.254", "dimensions=384");
    }

    private static String probe(String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (canIsolateNetwork()) {
            command.addAll(List.of(UNSHARE.toString(), "-n"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), NetworkProbe.class.getName(), mode));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(EmbeddingModels.OPT_OUT_TRACKING);
        builder.environment().remove("DJL_OFFLINE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean canIsolateNetwork() throws IOException, InterruptedException {
        if (!Files.isExecutable(UNSHARE)) {
            return false;
        }
        Process check = new ProcessBuilder(UNSHARE.toString(), "-n", "true").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
    }
}
