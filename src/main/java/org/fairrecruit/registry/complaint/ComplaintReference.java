package org.fairrecruit.registry.complaint;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Case references a person can read out on the phone: eight random symbols of Crockford's base 32
 * (no I, L, O or U, so nothing is mistaken for 1 or 0) and a check symbol (Luhn mod 32, which catches
 * every single wrong symbol and most swapped neighbours), in groups of three: "7K4-M9Q-XR2".
 * Reading back forgives case, spaces, dashes and the letters O, I and L.
 */
public final class ComplaintReference {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_SYMBOLS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ComplaintReference() {
    }

    static String generate() {
        StringBuilder symbols = new StringBuilder(RANDOM_SYMBOLS + 1);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        symbols.append(ALPHABET.charAt(checkValue(symbols)));
        return format(symbols);
    }

    /** The reference in its written form, when {@code input} is one (as typed or heard); empty otherwise. */
    public static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder();
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) >= 0) {
                symbols.append(read);
            } else if (!Character.isWhitespace(c) && c != '-') {
                return Optional.empty();
            }
        }
        if (symbols.length() != RANDOM_SYMBOLS + 1) {
            return Optional.empty();
        }
        int check = checkValue(symbols.substring(0, RANDOM_SYMBOLS));
        return ALPHABET.charAt(check) == symbols.charAt(RANDOM_SYMBOLS) ? Optional.of(format(symbols)) : Optional.empty();
    }

    private static int checkValue(CharSequence symbols) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = symbols.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(symbols.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return (n - sum % n) % n;
    }

    private static String format(CharSequence symbols) {
        return symbols.subSequence(0, 3) + "-" + symbols.subSequence(3, 6) + "-" + symbols.subSequence(6, 9);
    }
}
