package org.fairrecruit.registry.backoffice;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.monitoring.Monitoring;
import org.fairrecruit.registry.kernel.WorkCounts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What waits for one person: proposals only they may decide (a supervisor's, not their own; ADMIN
 * decides nothing), their own proposals still waiting, the applications they filed with their due
 * dates, follow-ups due and licences about to expire, each for the roles that act on it.
 */
@Singleton
class MyWork implements WorkCounts {
    static final int QUEUE = 20;
    private static final Set<String> MONITORS = Set.of(Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR,
            Roles.AUDITOR);
    private final FourEyes fourEyes;
    private final ApplicationReview applications;
    private final Licensing licensing;
    private final Monitoring monitoring;

    MyWork(FourEyes fourEyes, ApplicationReview applications, Licensing licensing, Monitoring monitoring) {
        this.fourEyes = fourEyes;
        this.applications = applications;
        this.licensing = licensing;
        this.monitoring = monitoring;
    }

    static boolean approver(Authentication user) {
        return user.getRoles().contains(Roles.SUPERVISOR) && !user.getRoles().contains(Roles.ADMIN);
    }

    static boolean monitors(Authentication user) {
        return user.getRoles().stream().anyMatch(MONITORS::contains);
    }

    List<Proposal> toDecide(Authentication user) {
        return approver(user) ? fourEyes.open().stream().filter(p -> !p.proposedBy().equals(user.getName())).toList()
                : List.of();
    }

    List<Proposal> myProposals(Authentication user) {
        return fourEyes.open().stream().filter(p -> p.proposedBy().equals(user.getName())).toList();
    }

    List<ApplicationReview.Filed> myApplications(Authentication user) {
        return user.getRoles().contains(Roles.LICENSING_OFFICER) ? applications.openFiledBy(user.getName()) : List.of();
    }

    List<Monitoring.Queued<Monitoring.Finding>> followUpsDue(Authentication user) {
        return monitors(user) ? monitoring.overdueFollowUps(QUEUE) : List.of();
    }

    List<Licensing.Expiring> expiring(Authentication user) {
        return monitors(user) ? licensing.expiringWithin(QueuesController.EXPIRY_HORIZON_DAYS, QUEUE) : List.of();
    }

    /** For the navigation: the decisions and applications waiting for this person. */
    @Override
    public Map<String, Long> of(Authentication user) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("proposals", count(toDecide(user)));
        counts.put("applications", count(myApplications(user)));
        counts.put("work", counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    private static long count(Collection<?> items) {
        return items.size();
    }
}
