package org.fairrecruit.registry.kernel;

import java.util.Optional;

/**
 * The public ids of API.md ("agency-12", "blacklist-3", "recruiter-7"): the one place they are written
 * and read, so search results, open data, screening and the name index cannot drift apart again.
 */
public enum PublicId {
    AGENCY("agency-"), BLACKLIST("blacklist-"), RECRUITER("recruiter-");

    private final String prefix;

    PublicId(String prefix) {
        this.prefix = prefix;
    }

    public String of(long id) {
        return prefix + id;
    }

    /** The number behind an id of this kind; empty for another kind or anything malformed. */
    public Optional<Long> parse(String publicId) {
        if (publicId == null || !publicId.startsWith(prefix)) {
            return Optional.empty();
        }
        String digits = publicId.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    public boolean names(String publicId) {
        return parse(publicId).isPresent();
    }
}
