package app.chorus.notifications.internal.push;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.util.Date;

/** Credentials for the stand-in: a fixed bearer token that "refreshes" to itself (the SDK refreshes on 401). */
final class FixedTokenCredentials extends GoogleCredentials {

    private static final long serialVersionUID = 1L;

    FixedTokenCredentials() {
        super(token());
    }

    private static AccessToken token() {
        return new AccessToken("chorus-stand-in", new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
    }

    @Override
    public AccessToken refreshAccessToken() {
        return token();
    }
}
