package org.fairrecruit.registry.approval;

import java.util.Optional;

/**
 * Where four-eyes mails a proposer: implemented by the identity capability, which itself proposes
 * role grants through four-eyes, so approval depends on this port and not on identity.
 */
public interface StaffDirectory {
    /** The e-mail address of the staff account with this username, if it has one. */
    Optional<String> emailOf(String username);
}
