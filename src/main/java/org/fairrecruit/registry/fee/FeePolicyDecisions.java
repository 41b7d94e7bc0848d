package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fee policy decides what the public sees as prohibited, so a new version takes four eyes: one
 * person proposes it, a different supervisor approves, and only then is it in force and are the fees
 * paid from its first day evaluated again.
 */
@Singleton
public class FeePolicyDecisions implements ProposalHandler {
    public static final String SUBJECT = "FEE_POLICY";
    private static final BigDecimal MAX_MONTHS = new BigDecimal("99.99");
    private final Sql sql;
    private final AuditLog audit;
    // A provider: FourEyes is built with every ProposalHandler, and this class is (or leads to) one.
    private final Provider<FourEyes> fourEyes;
    private final FeeRecords fees;
    private final FeePolicies policies;
    private final Clock clock;

    /** A proposed version, as the staff API takes it. */
    @Serdeable
    public record PolicyInput(@Nullable LocalDate validFrom, @Nullable String rule, @Nullable List<CeilingInput> ceilings,
                              @Nullable String reason) {
    }

    @Serdeable
    public record CeilingInput(@Nullable String feeType, @Nullable String maxAmount, @Nullable String currency,
                               @Nullable String maxMonthsOfWage) {
    }

    FeePolicyDecisions(Sql sql, AuditLog audit, Provider<FourEyes> fourEyes, FeeRecords fees, FeePolicies policies, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.fourEyes = fourEyes;
        this.fees = fees;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public Proposal propose(String actor, String country, PolicyInput input) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("country", country == null ? "" : country.strip().toUpperCase(Locale.ROOT));
        details.put("validFrom", input.validFrom() == null ? "" : input.validFrom().toString());
        details.put("rule", input.rule() == null ? "" : input.rule().strip().toUpperCase(Locale.ROOT));
        List<String> lines = new ArrayList<>();
        for (CeilingInput c : input.ceilings() == null ? List.<CeilingInput>of() : input.ceilings()) {
            lines.add(String.join("|", text(c.feeType()), text(c.maxAmount()), text(c.currency()).toUpperCase(Locale.ROOT),
                    text(c.maxMonthsOfWage())));
        }
        details.put("ceilings", String.join("\n", lines));
        String reason = input.reason() == null || input.reason().isBlank()
                ? "Fee policy for " + details.get("country") + " from " + details.get("validFrom") : input.reason();
        return fourEyes.get().propose(actor, new ProposalDraft(SUBJECT, null, "SET", reason, "Fee policy of the destination country",
                details));
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        parse(draft.details());
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        Draft draft = parse(proposal.details());
        long id = sql.insert("""
                INSERT INTO fee_policy (country, valid_from, rule, proposal_id, proposed_by, approved_by, approved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", draft.country(), draft.validFrom(), draft.rule(), proposal.id(),
                proposal.proposedBy(), approver, Instant.now(clock));
        for (FeePolicy.Ceiling c : draft.ceilings()) {
            sql.update("INSERT INTO fee_policy_ceiling (policy_id, fee_type, max_amount, currency, max_months_of_wage) "
                    + "VALUES (?, ?, ?, ?, ?)", id, c.feeType(), c.maxAmount(), c.currency(), c.maxMonthsOfWage());
        }
        audit.record(new AuditEvent(approver, "fee.policy.approved", "fee_policy", String.valueOf(id), proposal.reason()),
                null, policies.versions(draft.country()).stream().filter(p -> p.id() == id).findFirst().orElseThrow());
        fees.policyChanged(draft.country(), draft.validFrom());
        return Optional.of(id);
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        String country = proposal.details().get("country");
        return new ProposalSubject(new Locale("", country).getDisplayCountry(Locale.ENGLISH) + " (" + country + "), "
                + proposal.details().get("validFrom"), "/api/v1/staff/fee-policies/" + country);
    }

    private record Draft(String country, LocalDate validFrom, FeePolicy.Rule rule, List<FeePolicy.Ceiling> ceilings) {
    }

    private Draft parse(Map<String, String> d) {
        InvalidInput.Collector check = new InvalidInput.Collector().country("country", d.get("country"));
        LocalDate validFrom = d.get("validFrom").isEmpty() ? null : LocalDate.parse(d.get("validFrom"));
        check.date("validFrom", validFrom);
        FeePolicy.Rule rule = switch (d.get("rule")) {
            case "EMPLOYER_PAYS" -> FeePolicy.Rule.EMPLOYER_PAYS;
            case "CEILING" -> FeePolicy.Rule.CEILING;
            default -> null;
        };
        check.require(rule != null, "rule", "field.invalid");
        List<FeePolicy.Ceiling> ceilings = new ArrayList<>();
        Set<String> types = new HashSet<>();
        String[] lines = d.get("ceilings").isEmpty() ? new String[0] : d.get("ceilings").split("\n");
        check.require(rule != FeePolicy.Rule.EMPLOYER_PAYS || lines.length == 0, "ceilings", "fee.error.employerPaysCeilings");
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\\|", -1);
            String prefix = "ceilings[" + i + "].";
            Optional<FeeClass> feeClass = f[0].isEmpty() ? Optional.empty() : fees.feeClass(f[0]);
            check.require(feeClass.isPresent() && types.add(f[0]), prefix + "feeType", "field.invalid")
                    .require(feeClass.filter(c -> c == FeeClass.ILLEGITIMATE).isEmpty(), prefix + "feeType",
                            "fee.error.neverLegitimate")
                    .require(f[1].isEmpty() != f[3].isEmpty(), prefix + "maxAmount", "fee.error.ceilingKind");
            BigDecimal amount = null;
            String currency = null;
            BigDecimal months = null;
            if (!f[1].isEmpty()) {
                Money.check(check, prefix + "maxAmount", f[1], prefix + "currency", f[2]);
                currency = Money.currency(f[2]).orElse(null);
                amount = currency == null ? null : Money.amount(f[1], currency).orElse(null);
            } else if (!f[3].isEmpty()) {
                months = months(f[3]);
                check.require(months != null, prefix + "maxMonthsOfWage", "fee.error.months");
            }
            ceilings.add(new FeePolicy.Ceiling(f[0], amount, currency, months));
        }
        check.throwIfAny();
        if (sql.count("SELECT COUNT(*) FROM fee_policy WHERE country = ? AND valid_from = ?", d.get("country"), validFrom) > 0) {
            throw new RegistryException.Conflict("fee.error.versionExists", d.get("country"), validFrom);
        }
        return new Draft(d.get("country"), validFrom, rule, ceilings);
    }

    private static BigDecimal months(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() > 0 && value.compareTo(MAX_MONTHS) <= 0 && value.stripTrailingZeros().scale() <= 2
                    ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip().replace("|", "").replace("\n", "");
    }
}
