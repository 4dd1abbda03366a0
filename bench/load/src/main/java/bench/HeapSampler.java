package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.List;

/**
 * Heap in use (survivors + eden + old, from {@code jstat -gc <pid> 100}) sampled every 100 ms while a workload runs:
 * the peak includes garbage not yet collected, so it is what the heap had to hold, not the live set.
 */
final class HeapSampler {

    private final Process process;
    private final Thread reader;
    private volatile double peakKb;
    private volatile double firstKb = -1;
    private volatile int samples;

    private HeapSampler(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "jstat");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapSampler start(String pid) {
        if (pid.isBlank()) {
            return null;
        }
        try {
            return new HeapSampler(new ProcessBuilder("jstat", "-gc", pid, "100").redirectErrorStream(true).start());
        } catch (IOException e) {
            return null;
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            List<String> head = null;
            for (String line; (line = in.readLine()) != null; ) {
                List<String> f = Arrays.asList(line.trim().split("\\s+"));
                if (f.contains("EU")) {
                    head = f;
                    continue;
                }
                if (head == null || f.size() != head.size()) {
                    continue;
                }
                double used = 0;
                for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(f.get(head.indexOf(col)));
                }
                if (firstKb < 0) {
                    firstKb = used;
                }
                peakKb = Math.max(peakKb, used);
                samples++;
            }
        } catch (IOException | RuntimeException ignored) {
            // the sampler ends with the process
        }
    }

    String stop() {
        process.destroy();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return String.format(java.util.Locale.ROOT, "heap in use peaked at %.0f MB (from %.0f MB after a forced GC; jstat every 100 ms, %d samples)",
                peakKb / 1024, Math.max(0, firstKb) / 1024, samples);
    }
}
