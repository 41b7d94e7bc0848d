package org.fairrecruit.registry.database;

import java.util.Locale;
import java.util.Optional;

/**
 * A number as people type it from paper: everything but ASCII letters and digits dropped, case
 * ignored, O read as 0 and I as 1. This is the definition; the stored {@code licence_loose_key} and
 * {@code registration_loose_key} columns (V81) are its image in SQL, and LooseKeyColumnsTest holds
 * the two together over tricky inputs, so every lookup agrees with the stored keys.
 */
public final class LooseKey {
    private static final int MAX_LENGTH = 32;

    private LooseKey() {
    }

    public static Optional<String> of(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String key = number.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1');
        return key.isEmpty() || key.length() > MAX_LENGTH ? Optional.empty() : Optional.of(key);
    }
}
