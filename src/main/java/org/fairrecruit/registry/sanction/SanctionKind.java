package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.licensing.LicenceTransition;

import java.util.Optional;

/** The sanctions a regulator imposes on an agency; the last two also act on its licence. */
public enum SanctionKind {
    WARNING(null), FINE(null), SUSPENSION(LicenceTransition.SUSPEND), REVOCATION(LicenceTransition.REVOKE);

    private final LicenceTransition licenceMove;

    SanctionKind(LicenceTransition licenceMove) {
        this.licenceMove = licenceMove;
    }

    public Optional<LicenceTransition> licenceMove() {
        return Optional.ofNullable(licenceMove);
    }
}
