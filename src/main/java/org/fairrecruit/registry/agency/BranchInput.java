package org.fairrecruit.registry.agency;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

@Serdeable
public record BranchInput(String name, String address, String country, String phone, LocalDate openedOn) {
}
