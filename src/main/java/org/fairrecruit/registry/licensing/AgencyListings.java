package org.fairrecruit.registry.licensing;

import java.util.Optional;

/**
 * What licensing needs to know of the blacklist: whether an agency is listed now, and who a listed
 * entry is (a screening hit shows the listed person, not just the alias matched). Implemented by the
 * sanction capability, which itself moves licences (listing revokes), so licensing depends on this
 * port and not on sanction.
 */
public interface AgencyListings {
    boolean agencyListed(long agencyId);

    /** The public facts of a blacklist entry in force, if it is. */
    Optional<ListedPerson> listed(long entryId);
}
