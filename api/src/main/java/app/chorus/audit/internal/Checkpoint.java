package app.chorus.audit.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed checkpoint of one chain, written before a retention purge deletes its oldest links: where the chain's head
 * stood, and the last link the purge deletes, whose hash the first link kept points at. Never updated.
 *
 * @param id            {@code CHAIN/RUN}: one per chain and purge run, so a resumed run writes it once
 * @param headSeq       the head's sequence number when the checkpoint was taken
 * @param prunedThrough the last link the purge deletes (every link up to it goes)
 * @param signature     {@link CheckpointSeal}: an HMAC under a key from the deployment's secrets
 */
@Document(Checkpoint.COLLECTION)
record Checkpoint(@Id String id, String chain, long headSeq, String headHash, long prunedThrough, String prunedHash,
                  Instant at, String signature) {

    static final String COLLECTION = "audit_checkpoints";

    /** What the signature covers, each field as its length and text. */
    String signedText() {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {chain, headSeq, headHash, prunedThrough, prunedHash, at.toEpochMilli()}) {
            String value = String.valueOf(field);
            text.append(value.length()).append(':').append(value).append('|');
        }
        return text.toString();
    }

    Checkpoint signed(String newSignature) {
        return new Checkpoint(id, chain, headSeq, headHash, prunedThrough, prunedHash, at, newSignature);
    }
}
