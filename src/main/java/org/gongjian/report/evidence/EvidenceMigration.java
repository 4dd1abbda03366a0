package org.gongjian.report.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongjian.report.EvidenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Moves evidence content from one store to another and verifies every hash:
 * {@code java -jar gongjian.jar --gongjian.evidence.migrate=local:s3 --server.port=0}. Every content hash the database
 * refers to is copied (through a {@link HashCheckedStream}, so corrupted content is never copied) unless the target
 * already has it, then read back from the target and hashed. The application then exits: 0 when every file is in the
 * target and verified, 1 when any failed (each named in the log), 2 for bad arguments. The source is left as it was;
 * switch {@code GONGJIAN_EVIDENCE_STORE} to the target on every node afterwards.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidenceMigration implements ApplicationRunner {

    static final int OK = 0;
    static final int FAILURES = 1;
    static final int BAD_ARGUMENTS = 2;

    private static final Logger log = LoggerFactory.getLogger(EvidenceMigration.class);

    private final EvidenceStoreFactory stores;
    private final EvidenceRows rows;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    EvidenceMigration(EvidenceStoreFactory stores, EvidenceRows rows, Environment environment,
                      ConfigurableApplicationContext context) {
        this.stores = stores;
        this.rows = rows;
        this.environment = environment;
        this.context = context;
    }

    /** What a migration did: content hashes looked at, copied, already in the target, and the failures. */
    record Result(int exitCode, int total, int copied, int alreadyThere, List<String> failures) {}

    @Override
    public void run(ApplicationArguments args) {
        String spec = environment.getProperty("gongjian.evidence.migrate");
        if (spec == null) {
            return;
        }
        Result result = migrate(spec);
        int code = result.exitCode();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    Result migrate(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        if (parts.length != 2 || !EvidenceStoreSettings.KINDS.contains(parts[0])
                || !EvidenceStoreSettings.KINDS.contains(parts[1]) || parts[0].equals(parts[1])) {
            log.error("gongjian.evidence.migrate must be SOURCE:TARGET, two different stores out of {}, not '{}'",
                    EvidenceStoreSettings.KINDS, spec);
            return new Result(BAD_ARGUMENTS, 0, 0, 0, List.of());
        }
        EvidenceStore source;
        EvidenceStore target;
        try {
            source = stores.create(parts[0]);
            target = stores.create(parts[1]);
        } catch (RuntimeException e) {
            log.error("Evidence migration {}: a store can't be opened with this configuration: {}", spec, e.getMessage());
            return new Result(BAD_ARGUMENTS, 0, 0, 0, List.of());
        }
        try {
            return copyAll(spec, source, target);
        } finally {
            close(source);
            close(target);
        }
    }

    Result copyAll(String label, EvidenceStore source, EvidenceStore target) {
        return copy(label, source, target, rows.allContentHashes());
    }

    Result copy(String label, EvidenceStore source, EvidenceStore target, List<String> hashes) {
        log.info("Evidence migration {}: {} files to copy and verify", label, hashes.size());
        int copied = 0;
        int already = 0;
        List<String> failures = new ArrayList<>();
        for (String hash : hashes) {
            try {
                if (target.exists(hash) && verify(target, hash)) {
                    already++;
                    continue;
                }
                try (InputStream in = new HashCheckedStream(source.open(hash), hash)) {
                    target.put(hash, in);
                }
                if (!verify(target, hash)) {
                    failures.add(hash + ": the target does not hold it after copying");
                    continue;
                }
                copied++;
            } catch (FileNotFoundException e) {
                failures.add(hash + ": missing in the source store");
            } catch (IOException | RuntimeException e) {
                failures.add(hash + ": " + e.getMessage());
            }
            int done = copied + already + failures.size();
            if (done % 500 == 0) {
                log.info("Evidence migration {}: {} of {} done", label, done, hashes.size());
            }
        }
        failures.forEach(f -> log.error("Evidence migration {}: FAILED {}", label, f));
        log.info("Evidence migration {}: {} files, {} copied, {} already in the target and verified, {} failed",
                label, hashes.size(), copied, already, failures.size());
        return new Result(failures.isEmpty() ? OK : FAILURES, hashes.size(), copied, already, List.copyOf(failures));
    }

    /** Reads the content back from {@code store} and hashes it; false when it is absent or differs. */
    private static boolean verify(EvidenceStore store, String hash) throws IOException {
        try (HashCheckedStream in = new HashCheckedStream(store.open(hash), hash)) {
            in.drain();
            return true;
        } catch (FileNotFoundException | HashCheckedStream.EvidenceCorrupted e) {
            return false;
        }
    }

    private static void close(EvidenceStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing evidence store {} failed: {}", store.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
