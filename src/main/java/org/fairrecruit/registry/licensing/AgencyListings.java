package org.fairrecruit.registry.licensing;

/**
 * What licensing needs to know of the blacklist: whether an agency is listed now. Implemented by the
 * sanction capability, which itself moves licences (listing revokes), so licensing depends on this
 * port and not on sanction.
 */
public interface AgencyListings {
    boolean agencyListed(long agencyId);
}
