package org.gongjian.report.evidence;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where evidence bytes live ({@code gongjian.evidence.*}): {@code store} is {@code local} (a folder, the single-node
 * default), {@code db} (chunk rows in the application's database, for a few nodes without object storage) or
 * {@code s3} (any S3-compatible object store). Every node of one installation must use the same store.
 */
@ConfigurationProperties("gongjian.evidence")
public record EvidenceStoreSettings(@DefaultValue("local") String store,
                                    @DefaultValue("./data/evidence") String directory,
                                    @DefaultValue S3 s3) {

    /** Known store kinds, as configured. */
    public static final java.util.List<String> KINDS = java.util.List.of("local", "db", "s3");

    /**
     * An S3-compatible bucket. Without an access key the AWS default credential chain applies (environment, profile,
     * instance role). Path-style addressing suits MinIO, Ceph and most on-premises stores.
     */
    public record S3(@Nullable String endpoint,
                     @DefaultValue("us-east-1") String region,
                     @DefaultValue("gongjian-evidence") String bucket,
                     @Nullable String accessKey,
                     @Nullable String secretKey,
                     @DefaultValue("true") boolean pathStyle,
                     @DefaultValue("false") boolean createBucket,
                     @DefaultValue("") String prefix) {}
}
