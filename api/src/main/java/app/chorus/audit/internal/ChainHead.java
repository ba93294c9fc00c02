package app.chorus.audit.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where a chain ends: the last link's sequence number and hash, moved forward by compare-and-set only. */
@Document(ChainHead.COLLECTION)
record ChainHead(@Id String chain, long seq, String hash) {

    static final String COLLECTION = "audit_heads";
    static final String TRUST = "trust";

    static String chainOf(String schoolId) {
        return schoolId == null ? TRUST : "school:" + schoolId;
    }

    static ChainHead start(String chain) {
        return new ChainHead(chain, 0, ChainHash.GENESIS);
    }
}
