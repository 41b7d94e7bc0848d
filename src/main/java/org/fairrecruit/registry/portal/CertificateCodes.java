package org.fairrecruit.registry.portal;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The short code printed on a certificate, made to be read aloud and typed from paper:
 * {@code 7KQ2-M9XD-F4TR-8}, twelve random symbols (60 bits, stored with what the certificate said,
 * so the stored row is the proof) and a check symbol. The alphabet is Crockford's base 32: no I, L,
 * O or U, and typed I/L and O count as 1 and 0. The check symbol (Damm's algorithm over GF(32))
 * catches every single wrong symbol and every swap of neighbours, so a typing mistake is told apart
 * from a forged code; Luhn mod 32 would miss the swap of 0 and Z.
 */
@Singleton
class CertificateCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int SYMBOLS = 12;
    private static final int GROUP = 4;
    private final SecureRandom random = new SecureRandom();

    /** How a typed or scanned code reads: a well-formed short code, one with a typing mistake, or not a short code. */
    sealed interface Reading {
        record Code(String symbols) implements Reading {
        }

        record Mistyped() implements Reading {
        }

        record NotShort() implements Reading {
        }
    }

    /** Twelve random symbols, as stored. */
    String next() {
        StringBuilder code = new StringBuilder(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored symbols with their check symbol, in groups of four: 16 characters. */
    String printed(String symbols) {
        String full = symbols + ALPHABET.charAt(check(symbols));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < full.length(); i += GROUP) {
            if (i > 0) {
                out.append('-');
            }
            out.append(full, i, Math.min(full.length(), i + GROUP));
        }
        return out.toString();
    }

    Reading read(String typed) {
        String compact = typed.replaceAll("[\\s\\-–—.]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (compact.length() != SYMBOLS + 1 || !compact.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return new Reading.NotShort();
        }
        if (compact.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return new Reading.Mistyped();
        }
        String symbols = compact.substring(0, SYMBOLS);
        return ALPHABET.charAt(check(symbols)) == compact.charAt(SYMBOLS) ? new Reading.Code(symbols) : new Reading.Mistyped();
    }

    /**
     * Damm: the quasigroup x∘y = 2·x + y in GF(2⁵) (modulus x⁵ + x² + 1) is totally anti-symmetric, so
     * folding the symbols through it detects any single change and any adjacent swap; the check symbol
     * brings the fold to zero.
     */
    private static int check(String symbols) {
        int interim = 0;
        for (int i = 0; i < symbols.length(); i++) {
            interim = twice(interim) ^ ALPHABET.indexOf(symbols.charAt(i));
        }
        return twice(interim);
    }

    private static int twice(int value) {
        int shifted = value << 1;
        return (shifted & 0x20) == 0 ? shifted : (shifted ^ 0x25);
    }
}
