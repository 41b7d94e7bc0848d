package org.fairrecruit.registry.fee;

import org.fairrecruit.registry.database.Column;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fee records of complaint cases: each evaluated against the destination's policy in force on the
 * day it was paid when recorded, and again whenever its case's facts or a policy version change,
 * so the stored evaluation is always the current one (and reports can sum it per currency).
 */
@Singleton
public class FeeRecords {
    /** The fees the public and the risk score count: prohibited ones of substantiated cases (SQL over fee_record). */
    static final String PROVEN_PROHIBITED = "proven = TRUE AND evaluation = 'PROHIBITED'";
    static final Set<String> PAID_TO = Set.of("AGENCY", "SUB_AGENT", "PERSON");
    private static final String SELECT = """
            SELECT f.*, p.valid_from AS policy_valid_from,
                (SELECT COALESCE(SUM(o.amount), 0) FROM refund_order o WHERE o.fee_id = f.id) AS ordered,
                (SELECT COALESCE(SUM(r.amount), 0) FROM refund_payment r WHERE r.fee_id = f.id) AS refunded
            FROM fee_record f LEFT JOIN fee_policy p ON p.id = f.policy_id""";
    private final Sql sql;
    private final AuditLog audit;
    private final FeePolicies policies;
    private final FeeFactsTracker facts;
    private final Clock clock;

    FeeRecords(Sql sql, AuditLog audit, FeePolicies policies, FeeFactsTracker facts, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.policies = policies;
        this.facts = facts;
        this.clock = clock;
    }

    /** Checks a fee's fields; {@code prefix} names its place in a larger form, e.g. "fees[0].". */
    public void check(InvalidInput.Collector check, String prefix, NewFee fee) {
        check(check, prefix, fee, fee.feeType() == null ? Optional.empty() : feeClass(fee.feeType()));
    }

    private void check(InvalidInput.Collector check, String prefix, NewFee fee, Optional<FeeClass> feeClass) {
        check.require(feeClass.isPresent(), prefix + "feeType", "field.invalid");
        Money.check(check, prefix + "amount", fee.amount(), prefix + "currency", fee.currency());
        check.require(fee.paidOn() == null || !fee.paidOn().isAfter(LocalDate.now(clock)), prefix + "paidOn", "field.past");
        check.optionalText(prefix + "paidTo", fee.paidTo(), Column.FEE_PAID_TO).optionalText(prefix + "paidToName", fee.paidToName(), Column.FEE_PAID_TO);
        if (fee.destinationCountry() != null && !fee.destinationCountry().isBlank()) {
            check.country(prefix + "destinationCountry", fee.destinationCountry());
        }
    }

    /**
     * Records a fee of the case, in the caller's transaction, with its evaluation and audit entry. The fee
     * is not read back: a new fee has no refunds and is not yet proven, everything else is what was written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Fee record(String actor, FeeCase feeCase, NewFee fee) {
        Optional<FeeClass> feeClass = fee.feeType() == null ? Optional.empty() : feeClass(fee.feeType());
        InvalidInput.Collector check = new InvalidInput.Collector();
        check(check, "", fee, feeClass);
        check.throwIfAny();
        String currency = Money.currency(fee.currency()).orElseThrow();
        BigDecimal amount = Money.amount(fee.amount(), currency).orElseThrow();
        String paidTo = fee.paidTo() == null || fee.paidTo().isBlank() ? null : fee.paidTo().strip();
        String kind = paidTo != null && PAID_TO.contains(paidTo.toUpperCase(Locale.ROOT)) ? paidTo.toUpperCase(Locale.ROOT) : null;
        String name = kind == null ? paidTo : blankToNull(fee.paidToName());
        String destination = blankToNull(fee.destinationCountry()) != null ? fee.destinationCountry().strip().toUpperCase(Locale.ROOT)
                : feeCase.destinationCountry();
        String type = fee.feeType().strip();
        Optional<FeePolicy> policy = policyInForce(destination, fee.paidOn());
        Evaluation evaluation = PolicyEvaluation.evaluate(feeClass.orElseThrow(), type, amount, currency, policy,
                fee.paidOn() != null, feeCase.monthlyWage(), feeCase.wageCurrency());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = sql.insert("""
                INSERT INTO fee_record (complaint_id, agency_id, fee_type, amount, currency, paid_on, paid_to_kind,
                    paid_to_name, destination_country, evidence_id, monthly_wage, wage_currency, evaluation,
                    evaluation_reason, prohibited_amount, policy_id, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                feeCase.complaintId(), feeCase.agencyId(), type, amount, currency, fee.paidOn(), kind, name,
                destination, fee.evidenceId(), feeCase.monthlyWage(), feeCase.wageCurrency(), evaluation.verdict(),
                evaluation.reason(), evaluation.prohibitedAmount(), evaluation.policyId(), actor, now);
        boolean prohibited = evaluation.verdict() == Evaluation.Verdict.PROHIBITED;
        facts.inserted(new FeeFacts(id, feeCase.complaintId(), fee.paidOn() == null ? null : YearMonth.from(fee.paidOn()),
                destination == null ? "" : destination, feeCase.agencyId() == null ? 0 : feeCase.agencyId(), currency,
                prohibited, evaluation.prohibitedAmount(), false, BigDecimal.ZERO, BigDecimal.ZERO));
        String none = Money.text(BigDecimal.ZERO, currency);
        Fee recorded = new Fee(id, feeCase.complaintId(), type, Money.text(amount, currency), currency, fee.paidOn(), kind,
                name, destination, fee.evidenceId(), prohibited, Money.text(evaluation.prohibitedAmount(), currency),
                evaluation.verdict().name(), evaluation.reason().name(), evaluation.policyId(),
                policy.map(FeePolicy::validFrom).orElse(null), none, none, actor, now);
        audit.record(AuditEvent.of(actor, "fee.recorded", "fee_record", id), null, recorded);
        return recorded;
    }

    @Transactional(readOnly = true)
    public Fee get(long id) {
        return sql.one(SELECT + " WHERE f.id = ?", FeeRecords::fee, id)
                .orElseThrow(() -> new RegistryException.NotFound("fee", id));
    }

    @Transactional(readOnly = true)
    public List<Fee> forCase(long complaintId) {
        return sql.list(SELECT + " WHERE f.complaint_id = ? ORDER BY f.id", FeeRecords::fee, complaintId);
    }

    /** The case's agency or wage changed: its fees follow, and are evaluated again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseChanged(FeeCase feeCase) {
        facts.changing(() -> {
            sql.update("UPDATE fee_record SET agency_id = ?, monthly_wage = ?, wage_currency = ? WHERE complaint_id = ?",
                    feeCase.agencyId(), feeCase.monthlyWage(), feeCase.wageCurrency(), feeCase.complaintId());
            return reevaluate("complaint_id = ?", feeCase.complaintId());
        }, "f.complaint_id = ?", feeCase.complaintId());
    }

    /** The case was found substantiated: its prohibited fees count publicly and in the risk score. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void proven(long complaintId) {
        facts.changing(() -> sql.update("UPDATE fee_record SET proven = TRUE WHERE complaint_id = ?", complaintId),
                "f.complaint_id = ?", complaintId);
    }

    /** A new policy version for the country: fees paid from its first day are evaluated again. */
    @Transactional(propagation = Propagation.MANDATORY)
    void policyChanged(String country, LocalDate from) {
        facts.changing(() -> reevaluate("destination_country = ? AND paid_on >= ?", country, from),
                "f.destination_country = ? AND f.paid_on >= ?", country, from);
    }

    /** Evaluates the fees {@code where} picks again; answers how many. */
    private int reevaluate(String where, Object... params) {
        List<Long> ids = sql.list("SELECT id FROM fee_record WHERE " + where + " FOR UPDATE", rs -> rs.getLong(1), params);
        for (long id : ids) {
            Fee fee = get(id);
            Row row = sql.one("SELECT monthly_wage, wage_currency, amount FROM fee_record WHERE id = ?",
                    rs -> new Row(rs.getBigDecimal(1), rs.getString(2), rs.getBigDecimal(3)), id).orElseThrow();
            Evaluation e = PolicyEvaluation.evaluate(feeClass(fee.feeType()).orElseThrow(), fee.feeType(), row.amount(),
                    fee.currency(), policyInForce(fee.destinationCountry(), fee.paidOn()), fee.paidOn() != null,
                    row.wage(), row.wageCurrency());
            sql.update("UPDATE fee_record SET evaluation = ?, evaluation_reason = ?, prohibited_amount = ?, policy_id = ? "
                    + "WHERE id = ?", e.verdict(), e.reason(), e.prohibitedAmount(), e.policyId(), id);
        }
        return ids.size();
    }

    /** A refund ordered on a fee, in its currency: at most what was prohibited and not ordered yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Fee orderRefund(String actor, long feeId, String amount, LocalDate orderedOn) {
        Fee fee = lockedFee(feeId);
        BigDecimal open = decimal(fee.prohibitedAmount()).subtract(decimal(fee.refundOrdered()));
        BigDecimal value = refundAmount(amount, fee.currency(), open, orderedOn, "orderedOn");
        long id = facts.changing(() -> sql.insert("INSERT INTO refund_order (fee_id, amount, currency, ordered_on, ordered_by)"
                + " VALUES (?, ?, ?, ?, ?)", feeId, value, fee.currency(), orderedOn, actor), "f.id = ?", feeId);
        audit.record(AuditEvent.of(actor, "fee.refund.ordered", "fee_record", feeId), fee, Map.of("refundOrder", id,
                "amount", Money.text(value, fee.currency()), "currency", fee.currency()));
        return get(feeId);
    }

    /** A refund actually paid: at most what was ordered and not paid yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Fee recordRefund(String actor, long feeId, String amount, LocalDate paidOn) {
        Fee fee = lockedFee(feeId);
        BigDecimal open = decimal(fee.refundOrdered()).subtract(decimal(fee.refunded()));
        BigDecimal value = refundAmount(amount, fee.currency(), open, paidOn, "paidOn");
        long id = facts.changing(() -> sql.insert("INSERT INTO refund_payment (fee_id, amount, currency, paid_on, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?)", feeId, value, fee.currency(), paidOn, actor), "f.id = ?", feeId);
        audit.record(AuditEvent.of(actor, "fee.refund.paid", "fee_record", feeId), fee, Map.of("refundPayment", id,
                "amount", Money.text(value, fee.currency()), "currency", fee.currency()));
        return get(feeId);
    }

    /** An agency's fees per currency, over every case linked to it. */
    @Transactional(readOnly = true)
    public List<FeeTotals> totals(long agencyId) {
        return sql.list("""
                SELECT f.currency, SUM(f.amount), SUM(f.prohibited_amount),
                    COALESCE(SUM((SELECT SUM(o.amount) FROM refund_order o WHERE o.fee_id = f.id)), 0),
                    COALESCE(SUM((SELECT SUM(r.amount) FROM refund_payment r WHERE r.fee_id = f.id)), 0)
                FROM fee_record f WHERE f.agency_id = ? GROUP BY f.currency ORDER BY f.currency""", rs -> {
            String currency = rs.getString(1);
            BigDecimal ordered = rs.getBigDecimal(4);
            BigDecimal refunded = rs.getBigDecimal(5);
            return new FeeTotals(currency, Money.text(rs.getBigDecimal(2), currency), Money.text(rs.getBigDecimal(3), currency),
                    Money.text(ordered, currency), Money.text(refunded, currency),
                    Money.text(ordered.subtract(refunded), currency));
        }, agencyId);
    }

    private Fee lockedFee(long feeId) {
        sql.one("SELECT id FROM fee_record WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), feeId)
                .orElseThrow(() -> new RegistryException.NotFound("fee", feeId));
        return get(feeId);
    }

    private BigDecimal refundAmount(String amount, String currency, BigDecimal open, LocalDate day, String dayField) {
        Optional<BigDecimal> value = Money.amount(amount, currency);
        new InvalidInput.Collector()
                .require(value.isPresent(), "amount", "fee.error.amount", Money.round(BigDecimal.ZERO, currency).scale())
                .require(value.isEmpty() || value.get().compareTo(open) <= 0, "amount", "fee.error.refundAbove",
                        Money.text(open.max(BigDecimal.ZERO), currency), currency)
                .date(dayField, day)
                .require(day == null || !day.isAfter(LocalDate.now(clock)), dayField, "field.past")
                .throwIfAny();
        return value.get();
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    private Optional<FeePolicy> policyInForce(String destination, LocalDate paidOn) {
        return destination == null || paidOn == null ? Optional.empty() : policies.inForce(destination, paidOn);
    }

    /** The ILO reference table, with its citations. */
    @Transactional(readOnly = true)
    public List<FeeType> types() {
        return sql.list("SELECT code, class, citation FROM fee_type "
                + "ORDER BY FIELD(class, 'RECRUITMENT_FEE', 'RELATED_COST', 'ILLEGITIMATE', 'UNCLASSIFIED'), code",
                rs -> new FeeType(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    Optional<FeeClass> feeClass(String type) {
        return sql.one("SELECT class FROM fee_type WHERE code = ?", rs -> FeeClass.valueOf(rs.getString(1)), type.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Fee fee(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        String kind = rs.getString("paid_to_kind");
        return new Fee(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("fee_type"),
                Money.text(rs.getBigDecimal("amount"), currency), currency, Sql.date(rs, "paid_on"), kind,
                rs.getString("paid_to_name"), rs.getString("destination_country"),
                (Long) rs.getObject("evidence_id", Long.class),
                "PROHIBITED".equals(rs.getString("evaluation")), Money.text(rs.getBigDecimal("prohibited_amount"), currency),
                rs.getString("evaluation"), rs.getString("evaluation_reason"), rs.getObject("policy_id", Long.class),
                Sql.date(rs, "policy_valid_from"), Money.text(rs.getBigDecimal("ordered"), currency),
                Money.text(rs.getBigDecimal("refunded"), currency), rs.getString("added_by"), Sql.instant(rs, "added_at"));
    }

    /** One row of the ILO reference table: a fee type, its class in the definition, and where it says so. */
    @io.micronaut.serde.annotation.Serdeable
    public record FeeType(String code, String feeClass, String citation) {
    }

    private record Row(BigDecimal wage, String wageCurrency, BigDecimal amount) {
    }
}
