package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** How to reach a complainant. Stored only sealed by {@link ContactCipher}; every staff view is audited. */
@Serdeable
public record Contact(@Nullable String name, @Nullable String phone, @Nullable String email,
                      @Nullable String language) {
    boolean empty() {
        return blank(name) && blank(phone) && blank(email);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
