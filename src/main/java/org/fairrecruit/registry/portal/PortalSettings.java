package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The portal's settings (defaults and reasons in application.yml). */
@Singleton
class PortalSettings {
    /**
     * The hotline as one reader sees it: {@code hours} in the reader's language when configured,
     * else in {@code hoursLang}, which the page marks so a screen reader switches voice.
     */
    record Hotline(String phone, String telHref, String email, String hours, String hoursLang, String zone,
                   boolean freeFromAbroad, @Nullable String messagingUrl) {
    }

    private final String publicBaseUrl;
    private final String phone;
    private final String email;
    private final Map<String, String> hours;
    private final boolean freeFromAbroad;
    private final String messagingUrl;

    PortalSettings(@Property(name = "registry.public-base-url") String publicBaseUrl,
                   @Property(name = "registry.hotline.phone") String phone,
                   @Property(name = "registry.hotline.email") String email,
                   @Property(name = "registry.hotline.hours") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                   Map<String, String> hours,
                   @Property(name = "registry.hotline.free-from-abroad") boolean freeFromAbroad,
                   @Property(name = "registry.hotline.messaging-url") String messagingUrl) {
        if (hours.isEmpty()) {
            throw new IllegalStateException("registry.hotline.hours needs the hours in at least one language");
        }
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.phone = phone;
        this.email = email;
        this.hours = new LinkedHashMap<>(hours);
        this.freeFromAbroad = freeFromAbroad;
        this.messagingUrl = messagingUrl.strip();
    }

    /** The absolute address printed on certificates and in their QR code, opening in the certificate's language. */
    String verifyUrl(String code, Locale locale) {
        return publicBaseUrl + "/verify/" + code + "?lang=" + URLEncoder.encode(locale.getLanguage(), StandardCharsets.UTF_8);
    }

    Hotline hotline(Locale locale, String zone) {
        String lang = hours.containsKey(locale.getLanguage()) ? locale.getLanguage() : hours.keySet().iterator().next();
        return new Hotline(phone, "tel:" + phone.replaceAll("[^+0-9]", ""), email, hours.get(lang), lang, zone,
                freeFromAbroad, messagingUrl.isEmpty() ? null : messagingUrl);
    }
}
