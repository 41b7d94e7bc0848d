package org.fairrecruit.registry.notification;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Jakarta Mail over SMTP: one connection per batch, a stable Message-ID per outbox message. */
@Singleton
class SmtpMailer {
    private final MailSettings settings;
    private final Session session;

    SmtpMailer(MailSettings settings) {
        this.settings = settings;
        MailSettings.Smtp smtp = settings.smtp();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host() == null ? "" : smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        String timeout = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        this.session = Session.getInstance(props);
    }

    boolean configured() {
        return settings.smtp().configured();
    }

    Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        MailSettings.Smtp smtp = settings.smtp();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            transport.connect(smtp.username(), smtp.password());
        } else {
            transport.connect();
        }
        return transport;
    }

    void send(Transport transport, OutboxMessage message) throws MessagingException {
        MimeMessage mime = new StableIdMessage(session, "<" + message.messageKey() + "@"
                + domainOf(settings.from()) + ">");
        mime.setFrom(new InternetAddress(settings.from()));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(message.bodyText(), "text/plain; charset=UTF-8"));
        if (message.bodyHtml() != null) {
            alternatives.addBodyPart(part(message.bodyHtml(), "text/html; charset=UTF-8"));
        }
        mime.setContent(alternatives);
        mime.saveChanges();
        transport.sendMessage(mime, mime.getAllRecipients());
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "registry" : address.substring(at + 1).replace(">", "");
    }

    /** Jakarta Mail would mint a new Message-ID on every save; a retry must keep the first one. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
