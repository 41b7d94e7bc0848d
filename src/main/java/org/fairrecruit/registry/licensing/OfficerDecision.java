package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.approval.PublicStatement;

/**
 * A move an officer makes alone (reinstatement, surrender): the internal note ({@code reason}, never
 * published), the legal basis, and the public statement (coded reason, optional remarks and their language).
 */
@Serdeable
public record OfficerDecision(long version, String reason, String legalBasis, @Nullable String publicReason,
                              @Nullable String publicRemarks, @Nullable String remarksLang) {
    PublicStatement statement() {
        return PublicStatement.read(publicReason, publicRemarks, remarksLang);
    }
}
