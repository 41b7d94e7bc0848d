package org.fairrecruit.registry.portal;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.fee.FeeFacts;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The agency page shows proven prohibited fees per currency, and a new fee policy re-evaluates fees
 * without touching the agency, so the change that moves those totals is announced here, in its own
 * transaction, as a change of each agency it concerns: every replica's {@link AgencyProfiles} and
 * every other follower of the feed then learn of it.
 */
@Singleton
class PublicFeeChanges {
    private record Shown(long fee, long agency, String currency, BigDecimal amount) {
    }

    private final ChangeFeed feed;

    PublicFeeChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    @EventListener
    void feesChanged(FeeFacts.Changed change) {
        Set<Shown> before = shown(change.before().stream());
        Set<Shown> after = shown(change.after().stream());
        if (!before.equals(after)) {
            Set<Long> agencies = new TreeSet<>();
            Stream.concat(before.stream(), after.stream()).map(Shown::agency).filter(id -> id != 0).forEach(agencies::add);
            agencies.forEach(agency -> feed.record(EntityKind.AGENCY, agency));
        }
    }

    /** What of these fees the public sees: each one's proven prohibited amount, and whose it is. */
    private static Set<Shown> shown(Stream<FeeFacts> fees) {
        Set<Shown> shown = new HashSet<>();
        fees.filter(fee -> fee.proven() && fee.prohibited() && fee.prohibitedAmount() != null)
                .forEach(fee -> shown.add(new Shown(fee.id(), fee.agency(), fee.currency(), fee.prohibitedAmount().stripTrailingZeros())));
        return shown;
    }
}
