package org.fairrecruit.registry.agency;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

@Serdeable
public record KeyPersonInput(String fullName, String nativeName, Agency.PersonRole role, String nationality,
                             Integer birthYear, LocalDate startedOn) {
}
