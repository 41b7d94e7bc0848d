package org.fairrecruit.registry.audit;

import io.micronaut.serde.annotation.Serdeable;

/** The result of walking the whole audit chain: intact, or the first entry where it breaks and how. */
@Serdeable
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification brokenAt(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
