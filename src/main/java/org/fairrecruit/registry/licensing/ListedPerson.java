package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.kernel.PublicId;

/** A blacklist entry as a screening hit names it: its public facts and listing reference. */
@Serdeable
public record ListedPerson(long entryId, String name, Integer birthYear, String nationality, String caseReference) {
    /** The listing's public id, as the register and the matcher name it. */
    public String reference() {
        return PublicId.BLACKLIST.of(entryId);
    }

    /** What the staff blacklist search finds this entry by most exactly: its case reference, else its name. */
    public String searchTerm() {
        return caseReference == null || caseReference.isBlank() ? name : caseReference;
    }
}
