package org.fairrecruit.registry.notification;

import io.micronaut.context.MessageSource;
import io.micronaut.views.thymeleaf.MessageSourceMessageResolver;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders templates/mail/NAME.txt and NAME.html in the recipient's language. The subject is the
 * message key mail.NAME.subject. Rendering happens when the message is queued, so the outbox
 * holds exactly what will be sent.
 */
@Singleton
public class MailComposer {
    private final TemplateEngine text;
    private final TemplateEngine html;
    private final MessageSource messages;

    MailComposer(MessageSource messages) {
        this.messages = messages;
        this.text = engine(TemplateMode.TEXT, ".txt");
        this.html = engine(TemplateMode.HTML, ".html");
    }

    public ComposedMail compose(String name, Locale locale, Map<String, Object> model) {
        Context context = new Context(locale, model);
        String subject = messages.getMessage("mail." + name + ".subject", locale, model.values().toArray())
                .orElse(name);
        return new ComposedMail(subject, text.process(name, context), html.process(name, context));
    }

    private TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // #{key} in mail templates reads the same bundles as the pages.
        engine.setMessageResolver(new MessageSourceMessageResolver(messages));
        return engine;
    }
}
