package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

/** The portal's settings (defaults and reasons in application.yml). */
@Singleton
class PortalSettings {
    /** Where a worker reports an agency by phone or e-mail until the report form exists. */
    record Hotline(String phone, String email, String hours) {
    }

    private final String publicBaseUrl;
    private final Hotline hotline;

    PortalSettings(@Property(name = "registry.public-base-url") String publicBaseUrl,
                   @Property(name = "registry.hotline.phone") String phone,
                   @Property(name = "registry.hotline.email") String email,
                   @Property(name = "registry.hotline.hours") String hours) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.hotline = new Hotline(phone, email, hours);
    }

    /** The absolute address printed on certificates and in their QR code. */
    String verifyUrl(String code) {
        return publicBaseUrl + "/verify/" + code;
    }

    Hotline hotline() {
        return hotline;
    }
}
