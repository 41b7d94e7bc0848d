package org.fairrecruit.registry.audit;

import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Walks the chain entry by entry (fed in sequence order) and holds it against every signed checkpoint:
 * an edited entry, a gap, a reordering, a truncated tail, and a chain rewritten consistently (every
 * later hash recomputed) that a checkpoint contradicts. Used by the service and by bin/audit-verify.
 */
final class ChainCheck {
    private final Map<String, PublicKey> keys;
    private final Deque<Checkpoint> pending;
    private final List<Checkpoint> checkpoints;
    private long expectedSeq = 1;
    private String expectedPrev = AuditQueries.GENESIS_HASH;
    private long checked;
    private ChainVerification broken;

    ChainCheck(List<Checkpoint> checkpoints, Map<String, PublicKey> keys) {
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.pending = new ArrayDeque<>(checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::seq)).toList());
    }

    /** False once the chain is known broken: the caller can stop feeding. */
    boolean accept(AuditEntry entry) {
        if (broken != null) {
            return false;
        }
        if (entry.seq() != expectedSeq) {
            return fail(expectedSeq, "entry " + expectedSeq + " is missing");
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return fail(entry.seq(), "does not link to the entry before it");
        }
        if (!entry.hashIsIntact()) {
            return fail(entry.seq(), "content differs from what was recorded");
        }
        while (!pending.isEmpty() && pending.peek().seq() == entry.seq()) {
            Checkpoint checkpoint = pending.poll();
            if (!checkpoint.hash().equals(entry.hash())) {
                return fail(entry.seq(), "the chain was rewritten: it contradicts the checkpoint signed at "
                        + checkpoint.at() + " (seq " + checkpoint.seq() + ")");
            }
        }
        while (!pending.isEmpty() && pending.peek().seq() < entry.seq()) {
            pending.poll();
        }
        checked++;
        expectedSeq++;
        expectedPrev = entry.hash();
        return true;
    }

    /** The verdict, given the head the database records (or null when there is none to compare). */
    ChainVerification result(Long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        for (Checkpoint checkpoint : checkpoints) {
            PublicKey key = keys.get(checkpoint.keyId());
            if (key == null || !CheckpointKeys.verifies(key, checkpoint.message(), checkpoint.signature())) {
                return ChainVerification.brokenAt(checked, checkpoint.seq(), "the checkpoint signed at " + checkpoint.at()
                        + " does not carry a valid signature of key " + checkpoint.keyId());
            }
        }
        long lastSeq = expectedSeq - 1;
        if (!pending.isEmpty()) {
            return ChainVerification.brokenAt(checked, lastSeq + 1, "entries after " + lastSeq
                    + " were removed (the checkpoint signed at " + pending.peek().at() + " covers " + pending.peek().seq() + ")");
        }
        if (headSeq != null && (headSeq != lastSeq || !expectedPrev.equals(headHash))) {
            return ChainVerification.brokenAt(checked, lastSeq + 1, "entries after " + lastSeq
                    + " were removed (the chain head records " + headSeq + ")");
        }
        return ChainVerification.intact(checked);
    }

    private boolean fail(long seq, String problem) {
        broken = ChainVerification.brokenAt(checked, seq, problem);
        return false;
    }
}
