package org.fairrecruit.registry.agency;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an officer enters to register or correct an agency. Lists may be empty, never null once cleaned. */
@Serdeable
public record AgencyInput(String legalName, String registrationNumber, String country, String address, String phone,
                          String email, String website, List<String> tradeNames, List<String> aliases,
                          List<String> nativeNames, List<String> destinations) {
}
