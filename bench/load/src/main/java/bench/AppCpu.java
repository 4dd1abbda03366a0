package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The app's CPU so far, in all and in its JIT compiler threads, from {@code /proc/<pid>/task/<tid>/stat} (Linux only;
 * zeros elsewhere or without a pid). Read around a workload it says how much of the app's CPU went to compiling code
 * rather than running it: a JVM a few minutes after start is still compiling the paths a new workload takes.
 */
record AppCpu(long totalMs, long jitMs) {

    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    static AppCpu of(String pid) {
        if (pid.isBlank()) {
            return new AppCpu(0, 0);
        }
        long total;
        try {
            // the process's own figure: it keeps the CPU of threads that have ended (idle pool threads come and go)
            total = cpuMs(Files.readString(Path.of("/proc", pid, "stat")));
        } catch (IOException | RuntimeException e) {
            return new AppCpu(0, 0);
        }
        long jit = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // a thread that ended between the listing and the read
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.contains("CompilerThre")) {
                    jit += cpuMs(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new AppCpu(0, 0);
        }
        return new AppCpu(total, jit);
    }

    /** utime + stime of a {@code stat} line; comm is in parentheses and may hold spaces, so fields count from the last ')'. */
    private static long cpuMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
    }

    AppCpu since(AppCpu before) {
        return new AppCpu(totalMs - before.totalMs, jitMs - before.jitMs);
    }

    /** e.g. "app CPU 41.2 s, of which JIT compilers 37 %". */
    String describe() {
        return totalMs == 0 ? "app CPU not read"
                : String.format(java.util.Locale.ROOT, "app CPU %.1f s, of which JIT compilers %.0f %%", totalMs / 1000.0,
                100.0 * jitMs / totalMs);
    }
}
