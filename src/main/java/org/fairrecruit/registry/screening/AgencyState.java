package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.licensing.AgencyStandings;

import java.time.LocalDate;

/** What a watch follows of an agency: its licence status and validity, and whether it is blacklisted. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
record AgencyState(@Nullable String licenceNumber, @Nullable String licenceStatus, @Nullable LocalDate validFrom,
                   @Nullable LocalDate validUntil, boolean blacklisted) {

    static AgencyState of(@Nullable AgencyStandings.Standing standing, boolean blacklisted) {
        if (standing == null) {
            return new AgencyState(null, null, null, null, blacklisted);
        }
        return new AgencyState(standing.licenceNumber(), standing.licenceStatus() == null ? null : standing.licenceStatus().name(),
                standing.validFrom(), standing.validUntil(), blacklisted);
    }

    /** The fields as text, for mail templates. */
    java.util.Map<String, String> asText() {
        return java.util.Map.of("licenceNumber", text(licenceNumber), "licenceStatus", text(licenceStatus),
                "validFrom", validFrom == null ? "" : validFrom.toString(),
                "validUntil", validUntil == null ? "" : validUntil.toString(), "blacklisted", blacklisted ? "yes" : "no");
    }

    /** The stored form a watch compares with. */
    String encoded() {
        return String.join("|", text(licenceNumber), text(licenceStatus), validFrom == null ? "" : validFrom.toString(),
                validUntil == null ? "" : validUntil.toString(), blacklisted ? "1" : "0");
    }

    static AgencyState decode(String encoded) {
        String[] f = encoded.split("\\|", -1);
        return new AgencyState(blank(f[0]), blank(f[1]), f[2].isEmpty() ? null : LocalDate.parse(f[2]),
                f[3].isEmpty() ? null : LocalDate.parse(f[3]), "1".equals(f[4]));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
