package org.fairrecruit.registry.screening;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.notification.WebhookSignature;

/**
 * The worked example of the guide page, computed by the same signing code the deliveries use, so
 * the page can never show a signature that does not verify.
 */
@Singleton
class WebhookExample {
    final String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    final String id = "msg_watch_3_5120";
    final long timestamp = 1_796_112_000L;
    final String body = "{\"type\":\"agency.changed\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"data\":{\"watchId\":3,"
            + "\"agencyId\":\"agency-12\"}}";
    final String signature = WebhookSignature.sign(secret, id, timestamp, body);

    public String getSecret() {
        return secret;
    }

    public String getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public String getBody() {
        return body;
    }

    public String getSignature() {
        return signature;
    }

    public String getSigned() {
        return id + "." + timestamp + "." + body;
    }
}
