package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** results.csv and results.md of one scale, and the side-by-side README of a run. */
final class Report {

    private Report() {
    }

    static final String HEADER = "scale,workload,ops,errors,seconds,ops_per_s,p50_ms,p95_ms,p99_ms,max_ms,note";

    static void scale(Path dir, String scale, Map<String, String> facts, List<Bench.Result> results, String notes) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        StringBuilder md = new StringBuilder("# Gongjian load run, scale " + scale + "\n\n");
        facts.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| workload | ops | errors | /s | p50 ms | p95 ms | p99 ms | max ms | note |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result r : results) {
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",%d,%d,%.3f,%.2f,%.2f,%.2f,%.2f,%.2f,\"%s\"%n", scale,
                    r.workload(), r.requests(), r.errors(), r.seconds(), r.rate(), Bench.ms(r.ms(), 50), Bench.ms(r.ms(), 95),
                    Bench.ms(r.ms(), 99), r.ms().getMaxValue() / 1000.0, r.note()));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", r.workload(),
                    r.requests(), r.errors(), r.rate(), Bench.ms(r.ms(), 50), Bench.ms(r.ms(), 95), Bench.ms(r.ms(), 99),
                    r.ms().getMaxValue() / 1000.0, r.note()));
        }
        md.append('\n').append(notes);
        Files.writeString(dir.resolve("results.csv"), csv);
        Files.writeString(dir.resolve("results.md"), md);
    }

    /** Workloads as rows, scales as columns: p50 / p95 / p99 ms and rate. */
    static void write(Path dir, List<String> scales) throws IOException {
        Map<String, Map<String, String[]>> rows = new LinkedHashMap<>();
        for (String scale : scales) {
            Path csv = dir.resolve(scale).resolve("results.csv");
            if (!Files.exists(csv)) {
                continue;
            }
            for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
                List<String> f = split(line);
                String workload = f.get(1).replaceAll("\\d{4,} tasks", "all tasks").replaceAll("all \\d+ tasks", "all tasks");
                rows.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(scale, f.toArray(String[]::new));
            }
        }
        StringBuilder md = new StringBuilder("# Load run " + dir.getFileName() + " — scales side by side\n\n")
                .append("Per scale: ops/s · p50 / p95 / p99 ms (errors). Details, machine facts, write counts, the JDBC floor and JFR hot spots: ");
        for (String s : scales) {
            md.append("[").append(s).append("](").append(s).append("/results.md) ");
        }
        md.append("\n\n| workload |");
        scales.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|");
        scales.forEach(s -> md.append("---|"));
        md.append('\n');
        rows.forEach((workload, byScale) -> {
            md.append("| ").append(workload).append(" |");
            for (String s : scales) {
                String[] f = byScale.get(s);
                md.append(f == null ? " – |" : String.format(Locale.ROOT, " %.1f/s · %s / %s / %s%s |", Double.parseDouble(f[5]),
                        f[6], f[7], f[8], "0".equals(f[3]) ? "" : " (" + f[3] + " err)"));
            }
            md.append('\n');
        });
        for (String s : scales) {
            Path notes = dir.resolve(s).resolve("results.md");
            if (Files.exists(notes)) {
                String text = Files.readString(notes);
                int i = text.indexOf("Progress update rate / JDBC floor rate");
                if (i >= 0) {
                    md.append("\n").append(s).append(": ").append(text, i, text.indexOf('\n', i)).append('\n');
                }
                int j = text.indexOf("Export of ");
                if (j >= 0) {
                    md.append("\n").append(s).append(": ").append(text, j, text.indexOf('\n', j)).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("README.md"), md);
        System.out.println(md);
    }

    static List<String> split(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        f.add(cur.toString());
        return f;
    }
}
