package org.fairrecruit.registry.agency;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.LooseKey;
import org.fairrecruit.registry.database.PublicReads;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The register's public read model: what anyone may know of an agency, read through {@link PublicReads}. */
@Singleton
public class PublicRegister {
    /** The register entry: names legal first (then trade, native, alias, former), destinations, open branches. */
    public record Entry(long id, String legalName, String registrationNumber, String country, @Nullable String address,
                        @Nullable String phone, @Nullable String email, @Nullable String website, List<Agency.Name> names,
                        List<String> destinations, List<Branch> branches) {
    }

    public record Branch(String name, String address, String country, @Nullable String phone) {
    }

    /** The agency a registration number belongs to, and the number as registered. */
    public record Registered(long agencyId, String registrationNumber) {
    }

    private final PublicReads reads;

    PublicRegister(PublicReads reads) {
        this.reads = reads;
    }

    public Optional<Entry> find(long id) {
        record Row(String legalName, String registrationNumber, String country, String address, String phone, String email,
                   String website, String destinations) {
        }
        return reads.one("SELECT legal_name, registration_number, country, address, phone, email, website, "
                + "(SELECT GROUP_CONCAT(country ORDER BY country) FROM agency_destination WHERE agency_id = a.id) "
                + "FROM agency a WHERE id = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), id).map(row -> {
            List<Agency.Name> names = reads.list("SELECT name, kind FROM agency_name WHERE agency_id = ? "
                    + "ORDER BY FIELD(kind, 'LEGAL', 'TRADE', 'NATIVE', 'ALIAS', 'FORMER'), id",
                    rs -> new Agency.Name(rs.getString(1), Agency.NameKind.valueOf(rs.getString(2))), id);
            List<Branch> branches = reads.list("SELECT name, address, country, phone FROM agency_branch "
                    + "WHERE agency_id = ? AND closed_on IS NULL ORDER BY id",
                    rs -> new Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), id);
            return new Entry(id, row.legalName(), row.registrationNumber(), row.country(), row.address(), row.phone(),
                    row.email(), row.website(), names, row.destinations() == null ? List.of()
                    : List.of(row.destinations().split(",")), branches);
        });
    }

    public Map<Long, String> legalNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            reads.list("SELECT id, legal_name FROM agency WHERE id IN (" + PublicReads.marks(ids.size()) + ")",
                    rs -> names.put(rs.getLong(1), rs.getString(2)), ids.toArray());
        }
        return names;
    }

    /** Case, separators, and O/0 and I/1 do not matter ({@link LooseKey}). */
    public Optional<Registered> byRegistrationNumber(String number) {
        return LooseKey.of(number).flatMap(key -> reads.one("SELECT id, registration_number FROM agency "
                + "WHERE registration_loose_key = ? LIMIT 1", rs -> new Registered(rs.getLong(1), rs.getString(2)), key));
    }
}
