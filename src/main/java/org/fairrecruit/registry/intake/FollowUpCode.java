package org.fairrecruit.registry.intake;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The reporter's only key to an anonymous report: 15 random symbols of Crockford's base 32 (75 bits;
 * no I, L, O or U) and a check symbol (Luhn mod 32: any one wrong symbol and most swapped neighbours
 * are caught before anything is looked up), in four groups: "7K4M-9QXR-2ABT-DEFH". Reading back
 * forgives case, spaces, dashes and O/I/L for 0/1. Stored only as an Argon2id hash.
 */
final class FollowUpCode {
    static final int LENGTH = 16;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    // 75 random bits cannot be guessed, so the hash needs no password-grade cost (which would cap
    // intake at a few dozen reports a second); Argon2id still keeps a stolen table from being read back.
    private static final Argon2Function HASH = Argon2Function.getInstance(1024, 1, 1, 32, Argon2.ID, 19);

    enum Reading { VALID, MISTYPED, MALFORMED }

    /** A code as read from input: its written form when VALID. */
    record Parsed(Reading reading, String code) {
    }

    private FollowUpCode() {
    }

    static String generate() {
        StringBuilder symbols = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            symbols.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        symbols.append(ALPHABET.charAt(checkValue(symbols)));
        return format(symbols);
    }

    static Parsed parse(String input) {
        StringBuilder symbols = new StringBuilder();
        for (char c : (input == null ? "" : input).toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) >= 0) {
                symbols.append(read);
            } else if (!Character.isWhitespace(c) && c != '-') {
                return new Parsed(Reading.MALFORMED, null);
            }
        }
        if (symbols.length() != LENGTH) {
            return new Parsed(Reading.MALFORMED, null);
        }
        boolean checks = ALPHABET.charAt(checkValue(symbols.substring(0, LENGTH - 1))) == symbols.charAt(LENGTH - 1);
        return checks ? new Parsed(Reading.VALID, format(symbols)) : new Parsed(Reading.MISTYPED, null);
    }

    static String hash(String code) {
        return Password.hash(code).addRandomSalt().with(HASH).getResult();
    }

    static boolean matches(String code, String hash) {
        return Password.check(code, hash).with(HASH);
    }

    /** The last group, which the reporter types back to show they kept the code. */
    static String lastGroup(String code) {
        return code.substring(code.lastIndexOf('-') + 1);
    }

    private static int checkValue(CharSequence symbols) {
        int n = ALPHABET.length();
        int sum = 0;
        boolean doubled = true;
        for (int i = symbols.length() - 1; i >= 0; i--) {
            int value = ALPHABET.indexOf(symbols.charAt(i)) * (doubled ? 2 : 1);
            sum += value / n + value % n;
            doubled = !doubled;
        }
        return (n - sum % n) % n;
    }

    private static String format(CharSequence symbols) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(symbols.charAt(i));
        }
        return out.toString();
    }
}
