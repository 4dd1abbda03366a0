package org.gongjian.report.evidence;

import org.gongjian.report.EvidenceStore;
import org.gongjian.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes evidence stores from {@link EvidenceStoreSettings}: the one this node uses ({@code gongjian.evidence.store},
 * environment {@code GONGJIAN_EVIDENCE_STORE}), and any other for {@link EvidenceMigration}.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceStoreFactory {

    private final EvidenceStoreSettings settings;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;

    EvidenceStoreFactory(EvidenceStoreSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The store this node reads and writes. An unknown kind stops the application from starting. */
    @Bean
    EvidenceStore evidenceStore() {
        String kind = settings.store() == null ? "local" : settings.store().trim().toLowerCase(java.util.Locale.ROOT);
        if (!EvidenceStoreSettings.KINDS.contains(kind)) {
            throw new IllegalStateException("gongjian.evidence.store (GONGJIAN_EVIDENCE_STORE) must be one of "
                    + EvidenceStoreSettings.KINDS + ", not '" + settings.store() + "'");
        }
        return create(kind);
    }

    /** A new store of {@code kind} (local, db or s3) as configured; the caller closes an AutoCloseable one. */
    public EvidenceStore create(String kind) {
        return switch (kind) {
            case "local" -> new FileEvidenceStore(settings.directory());
            case "db" -> new DbEvidenceStore(jdbc, transactions);
            case "s3" -> new S3EvidenceStore(settings.s3());
            default -> throw InvalidInput.of("store", "未知的佐证材料存储：" + kind + "（可选 local、db、s3）");
        };
    }

    public EvidenceStoreSettings settings() {
        return settings;
    }
}
