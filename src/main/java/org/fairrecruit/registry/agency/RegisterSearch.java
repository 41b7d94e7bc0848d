package org.fairrecruit.registry.agency;

import org.fairrecruit.registry.kernel.PublicId;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.LooseKey;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.RegistryNameIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The staff register search: what an officer types is tried as every thing it could be, best
 * evidence first: a licence or registration number (as typed from paper), part of a registration
 * number, a name through the matcher (spelling, transliteration, legal forms), a key person's name
 * through the same matcher, and finally the words of a name, so that one word ("Golden") finds
 * every agency whose name has it (the matcher judges whole names and rightly finds none).
 */
@Singleton
class RegisterSearch {
    /** Key persons sharing a first three letters with a query word: the few the matcher then judges. */
    private static final int PERSON_CANDIDATES = 500;
    private static final int PREFIX = 3;
    private static final int MAX_WORDS = 6;
    private final Sql sql;
    private final RegistryNameIndex names;
    private final LicenceLedger licences;

    RegisterSearch(Sql sql, RegistryNameIndex names, LicenceLedger licences) {
        this.sql = sql;
        this.names = names;
        this.licences = licences;
    }

    /** Agency ids, most certain first, at most {@code limit}. */
    List<Long> find(String query, int limit) {
        String q = query.strip();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        LooseKey.of(q).ifPresent(key -> {
            ids.addAll(licences.agenciesHolding(key));
            ids.addAll(sql.list("SELECT id FROM agency WHERE registration_loose_key = ?", rs -> rs.getLong(1), key));
            if (q.chars().anyMatch(Character::isDigit)) {
                ids.addAll(sql.list("SELECT id FROM agency WHERE registration_loose_key LIKE ? ORDER BY legal_name, id LIMIT ?",
                        rs -> rs.getLong(1), "%" + key + "%", limit));
            }
        });
        names.search(new MatchQuery(q, EntityType.AGENCY, null), limit).stream()
                .forEach(match -> PublicId.AGENCY.parse(match.id()).ifPresent(ids::add));
        ids.addAll(byKeyPerson(q));
        ids.addAll(byWords(q, limit));
        return ids.stream().limit(limit).toList();
    }

    private List<Long> byKeyPerson(String q) {
        List<String> words = words(q).stream().filter(w -> w.length() >= PREFIX).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        String anyWord = words.stream().map(w -> "full_name LIKE ? OR full_name LIKE ?").collect(Collectors.joining(" OR "));
        Object[] params = wordPrefixes(words.stream().map(w -> w.substring(0, PREFIX)).toList()).toArray();
        record Person(long agencyId, MatchableEntity entity) {
        }
        List<Person> persons = sql.list("SELECT id, agency_id, full_name, native_name, nationality, birth_year FROM key_person"
                + " WHERE " + anyWord + " LIMIT " + PERSON_CANDIDATES, rs -> {
            List<String> personNames = new ArrayList<>(List.of(rs.getString(3)));
            if (rs.getString(4) != null) {
                personNames.add(rs.getString(4));
            }
            return new Person(rs.getLong(2), new MatchableEntity("key-person:" + rs.getLong(1), EntityType.PERSON,
                    personNames, rs.getString(5), Sql.nullableInt(rs, "birth_year"), Set.of()));
        }, params);
        MatchQuery asked = new MatchQuery(q, EntityType.PERSON, null);
        record Scored(long agencyId, double score) {
        }
        return persons.stream()
                .flatMap(p -> names.compare(asked, p.entity()).map(m -> new Scored(p.agencyId(), m.score())).stream())
                .sorted(Comparator.comparingDouble(s -> -s.score()))
                .map(Scored::agencyId).distinct().toList();
    }

    /** Agencies with a name that has every word of the query as the start of one of its words. */
    private List<Long> byWords(String q, int limit) {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return List.of();
        }
        String each = words.stream().map(w -> "EXISTS (SELECT 1 FROM agency_name n WHERE n.agency_id = a.id"
                + " AND (n.name LIKE ? OR n.name LIKE ?))").collect(Collectors.joining(" AND "));
        List<Object> params = new ArrayList<>(wordPrefixes(words));
        params.add(limit);
        return sql.list("SELECT a.id FROM agency a WHERE " + each + " ORDER BY a.legal_name, a.id LIMIT ?",
                rs -> rs.getLong(1), params.toArray());
    }

    /** For each word, the two LIKE patterns of "a word of the text starts with it". */
    private static List<String> wordPrefixes(List<String> words) {
        return words.stream().flatMap(w -> Stream.of(like(w) + "%", "% " + like(w) + "%")).toList();
    }

    private static List<String> words(String q) {
        return Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
