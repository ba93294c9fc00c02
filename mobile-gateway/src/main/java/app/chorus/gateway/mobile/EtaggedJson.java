package app.chorus.gateway.mobile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises a mobile payload once and tags it with a strong ETag (SHA-256 of the exact bytes). WebFlux answers
 * a matching {@code If-None-Match} with 304 and no body. Payloads are records with a fixed field order and lists
 * in a defined order, so equal content gives equal bytes.
 */
@Component
class EtaggedJson {

    private final JsonMapper json;

    EtaggedJson(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> ok(Object payload) {
        byte[] body = json.writeValueAsBytes(payload);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .eTag(etag(body))
            .cacheControl(CacheControl.noCache().cachePrivate())
            .body(body);
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
