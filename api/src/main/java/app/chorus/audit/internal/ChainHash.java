package app.chorus.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a link's fields and the previous link's hash. Each field is written as its length and its text, so no
 * two different links read the same; the actor is the pseudonym, so forgetting a person leaves every hash valid.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(AuditEntry entry) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {entry.chain(), entry.seq(), entry.key(), entry.kind(), entry.schoolId(),
            entry.actor(), entry.subject(), entry.reason(), entry.at() == null ? null : entry.at().toEpochMilli(),
            entry.previous()}) {
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length()).append(':').append(value).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
