package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Summaries of the JFR recordings the harness takes (the JDK's own flight recorder, nothing installed). */
final class Profile {

    private Profile() {
    }

    /** Where the CPU samples fall: the method on top (self time) and the first Gongjian frame on the stack. */
    static String hotSpots(Path file) {
        if (!Files.exists(file)) {
            return "(no recording: BENCH_PID not set)\n";
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> app = new HashMap<>();
        Map<String, Integer> appAny = new HashMap<>();
        int total = 0;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                }
                boolean first = true;
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("org.gongjian.")) {
                        if (first) {
                            app.merge(n, 1, Integer::sum);
                            first = false;
                        }
                        if (seen.add(n)) {
                            appAny.merge(n, 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return "(recording unreadable: " + e + ")\n";
        }
        StringBuilder s = new StringBuilder(total + " samples.\n\n| top of stack (self) | share |\n|---|---|\n");
        top(self, total, 12, s);
        s.append("\n| innermost Gongjian frame | share |\n|---|---|\n");
        top(app, total, 12, s);
        s.append("\n| Gongjian method anywhere on the stack (inclusive) | share |\n|---|---|\n");
        top(appAny, total, 20, s);
        return s.toString();
    }

    private static void top(Map<String, Integer> counts, int total, int n, StringBuilder s) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> s.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total))));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The largest heap in use the recording saw (jdk.GCHeapSummary before each collection) and the largest after one. */
    static String heap(Path file) {
        if (!Files.exists(file)) {
            return "heap not recorded (BENCH_PID not set)";
        }
        long before = 0;
        long after = 0;
        long committed = 0;
        int gcs = 0;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.GCHeapSummary")) {
                    continue;
                }
                long used = e.getLong("heapUsed");
                committed = Math.max(committed, e.getValue("heapSpace.committedSize") instanceof Long l ? l : 0);
                if ("Before GC".equals(e.getString("when"))) {
                    before = Math.max(before, used);
                    gcs++;
                } else {
                    after = Math.max(after, used);
                }
            }
        } catch (IOException e) {
            return "heap recording unreadable: " + e;
        }
        return String.format(Locale.ROOT, "peak heap used %d MB (largest before a GC), largest live after a GC %d MB, "
                + "committed up to %d MB, %d collections (JFR jdk.GCHeapSummary)", before >> 20, after >> 20, committed >> 20, gcs);
    }
}
