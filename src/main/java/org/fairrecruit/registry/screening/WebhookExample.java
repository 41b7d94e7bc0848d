package org.fairrecruit.registry.screening;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.notification.WebhookSignature;

import java.util.Map;

/**
 * The worked example of the guide page, computed by the same signing code the deliveries use, so
 * the page can never show a signature that does not verify.
 */
@Singleton
class WebhookExample {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_watch_3_5120";
    private static final long TIMESTAMP = 1_796_112_000L;
    private static final String BODY = "{\"type\":\"agency.changed\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"data\":{\"watchId\":3,"
            + "\"agencyId\":\"agency-12\"}}";

    /** The example's parts by name, for the page. */
    Map<String, String> parts() {
        return Map.of("secret", SECRET, "id", ID, "timestamp", Long.toString(TIMESTAMP), "body", BODY,
                "signed", ID + "." + TIMESTAMP + "." + BODY, "signature", WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }
}
