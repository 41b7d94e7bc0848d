-- Webhook receivers (Standard Webhooks). The secret (whsec_...) signs every delivery, so it is kept
-- as given; it is shown to the subscriber once. A 410 Gone answer disables the endpoint.
CREATE TABLE webhook_endpoint (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    url             VARCHAR(1000) NOT NULL,
    secret          VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    disabled_at     DATETIME(6)   NULL,
    disabled_reason VARCHAR(200)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Webhook messages travel in outbox_message (channel WEBHOOK, recipient = endpoint id, subject =
-- event type, body_text = the JSON body, message_key = the webhook-id). Every attempt is logged here.
CREATE TABLE webhook_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id   BIGINT       NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    status_code  INT          NULL,
    error        VARCHAR(500) NULL,
    INDEX ix_webhook_attempt_message (message_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outbox_recipient ON outbox_message (channel, recipient(40), id);
