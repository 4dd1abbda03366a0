-- Evidence content kept in the database (gongjian.evidence.store=db), for a few nodes without object storage.
-- A file is cut into chunk rows (256 KiB each) so no read or write holds a whole file in one value; the header row
-- is written last, in the same transaction, and says the content is complete. Addressed by SHA-256 like every store.
CREATE TABLE evidence_content (
    sha256      VARCHAR(64) NOT NULL PRIMARY KEY,
    size_bytes  BIGINT      NOT NULL,
    chunks      INTEGER     NOT NULL
);

CREATE TABLE evidence_chunk (
    sha256  VARCHAR(64) NOT NULL,
    seq     INTEGER     NOT NULL,
    data    BYTEA       NOT NULL,
    PRIMARY KEY (sha256, seq)
);
