package org.fairrecruit.registry.sanction;

/**
 * Public pages and files never show a listed person's whole identity-document number (PRODUCT.md):
 * only enough of its ends to tell two documents apart. The stars are always four, so the mask does
 * not give away the number's length either.
 */
public final class IdentityDocuments {
    private static final String STARS = "****";

    private IdentityDocuments() {
    }

    /** "P1234567 89" → "P12****89"; a short number keeps only its last two characters; blank → null. */
    public static String masked(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String n = number.replaceAll("\\s+", "");
        if (n.length() >= 8) {
            return n.substring(0, 3) + STARS + n.substring(n.length() - 2);
        }
        return n.length() >= 4 ? STARS + n.substring(n.length() - 2) : STARS;
    }
}
