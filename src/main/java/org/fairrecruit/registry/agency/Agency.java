package org.fairrecruit.registry.agency;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** An agency as the back office sees it: the register entry with all its names, branches and people. */
@Serdeable
public record Agency(long id, String legalName, String registrationNumber, String country, String address,
                     String phone, String email, String website, long version, List<Name> names,
                     List<Branch> branches, List<String> destinations, List<KeyPerson> keyPersons) {

    public enum NameKind { LEGAL, TRADE, ALIAS, FORMER, NATIVE }

    public enum PersonRole { OWNER, DIRECTOR, MANAGER }

    @Serdeable
    public record Name(String name, NameKind kind) {
    }

    @Serdeable
    public record Branch(long id, String name, String address, String country, String phone, LocalDate openedOn,
                         LocalDate closedOn) {
    }

    @Serdeable
    public record KeyPerson(long id, String fullName, String nativeName, PersonRole role, String nationality,
                            Integer birthYear, LocalDate startedOn, LocalDate endedOn) {
        public boolean current() {
            return endedOn == null;
        }
    }

    public List<String> namesOf(NameKind kind) {
        return names.stream().filter(n -> n.kind() == kind).map(Name::name).toList();
    }

    public List<KeyPerson> currentKeyPersons() {
        return keyPersons.stream().filter(KeyPerson::current).toList();
    }
}
