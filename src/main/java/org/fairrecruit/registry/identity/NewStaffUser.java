package org.fairrecruit.registry.identity;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

@Serdeable
public record NewStaffUser(String username, String displayName, String email, String password, Set<String> roles) {
}
