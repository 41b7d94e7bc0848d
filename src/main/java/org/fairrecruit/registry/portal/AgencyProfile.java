package org.fairrecruit.registry.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the public may know about one agency, gathered by {@link PortalQueries#agency} from the
 * capabilities that own each part; the page and the API show a list's section only when it has rows.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AgencyProfile(long id, String legalName, List<Name> names, String registrationNumber, String country,
                     @Nullable String address, Contact contact, List<String> destinations,
                     @Nullable Licence licence, List<StatusChange> statusHistory,
                     List<Branch> branches, List<Sanction> sanctions, List<Listing> blacklistEntries,
                     long substantiatedComplaints, List<FeeTotal> prohibitedFees, Standing standing) {

    boolean blacklisted() {
        return !blacklistEntries.isEmpty();
    }

    /** The same profile with every status change's coded reason put into words by {@code words} (message key to text). */
    AgencyProfile withReasonsIn(UnaryOperator<String> words) {
        List<StatusChange> said = statusHistory.stream().map(c -> new StatusChange(c.fromStatus(), c.toStatus(),
                c.reasonKey() == null ? null : words.apply(c.reasonKey()), c.reasonKey(), c.remarks(), c.remarksLang(),
                c.legalBasis(), c.occurredAt())).toList();
        return new AgencyProfile(id, legalName, names, registrationNumber, country, address, contact, destinations, licence, said, branches,
                sanctions, blacklistEntries, substantiatedComplaints, prohibitedFees, standing);
    }

    List<String> tradeNames() {
        return names.stream().filter(n -> "TRADE".equals(n.kind())).map(Name::name).toList();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contact(@Nullable String phone, @Nullable String email, @Nullable String website) {
        public boolean any() {
            return phone != null || email != null || website != null;
        }
    }

    /** kind: LEGAL, TRADE, ALIAS, FORMER or NATIVE. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Name(String name, String kind) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    /**
     * {@code conditionCodes} and {@code activities} are codes (messages licence.condition.*,
     * licence.activity.*); {@code conditions} is the officer's free-text remark.
     */
    record Licence(@Nullable String number, String status, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
                   @Nullable String conditions, List<String> conditionCodes, List<String> activities) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    /**
     * The public statement of a status change: {@code reasonKey} the coded reason (a message key), {@code reason}
     * the same in the reader's language (filled for the API), {@code remarks} optional public remarks written in
     * {@code remarksLang} ({@code und} when unknown). The decider's internal note is never here.
     */
    record StatusChange(@Nullable String fromStatus, String toStatus, @Nullable String reason, @Nullable String reasonKey,
                        @Nullable String remarks, @Nullable String remarksLang, @Nullable String legalBasis,
                        Instant occurredAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Branch(String name, String address, String country, @Nullable String phone) {
    }

    /** kind: WARNING, FINE, SUSPENSION, REVOCATION. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Sanction(String kind, LocalDate decidedOn, String legalBasis) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FeeTotal(String currency, java.math.BigDecimal amount) {
    }

    /** A current blacklist entry, public fields only: never the identity document number. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Listing(long id, String subjectType, String name, List<String> aliases, @Nullable String nationality,
                   @Nullable Integer birthYear, String reasonCategory, String legalBasis, LocalDate listedOn,
                   @Nullable LocalDate expiresOn, @Nullable Long agencyId) {
    }
}
