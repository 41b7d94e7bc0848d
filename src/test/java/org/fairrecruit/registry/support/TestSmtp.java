package org.fairrecruit.registry.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The GreenMail SMTP server the test configuration sends to. Its port comes from
 * {@code REGISTRY_TEST_SMTP_PORT} (default 3025), the same variable application-test.yml reads, so
 * several checkouts can run their suites on one machine at once.
 */
public final class TestSmtp {
    private TestSmtp() {
    }

    public static int port() {
        String configured = System.getenv("REGISTRY_TEST_SMTP_PORT");
        return configured == null || configured.isBlank() ? 3025 : Integer.parseInt(configured.trim());
    }

    public static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
