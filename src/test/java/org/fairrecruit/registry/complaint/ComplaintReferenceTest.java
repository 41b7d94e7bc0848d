package org.fairrecruit.registry.complaint;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** References are short, read back forgivingly, and a check symbol catches a misheard or swapped symbol. */
class ComplaintReferenceTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void a_reference_is_nine_symbols_in_three_groups_without_ambiguous_letters() {
        for (int i = 0; i < 1_000; i++) {
            String reference = ComplaintReference.generate();
            assertTrue(reference.matches("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}"), reference);
            assertEquals(reference, ComplaintReference.parse(reference).orElseThrow());
        }
    }

    @Test
    void every_single_wrong_symbol_is_refused() {
        String reference = ComplaintReference.generate().replace("-", "");
        for (int position = 0; position < reference.length(); position++) {
            for (char other : ALPHABET.toCharArray()) {
                if (other != reference.charAt(position)) {
                    String wrong = reference.substring(0, position) + other + reference.substring(position + 1);
                    assertTrue(ComplaintReference.parse(wrong).isEmpty(), wrong);
                }
            }
        }
    }

    @Test
    void swapped_neighbours_are_refused_nearly_always() {
        int swaps = 0;
        int caught = 0;
        for (int i = 0; i < 2_000; i++) {
            String reference = ComplaintReference.generate().replace("-", "");
            for (int p = 0; p + 1 < reference.length(); p++) {
                if (reference.charAt(p) != reference.charAt(p + 1)) {
                    String swapped = reference.substring(0, p) + reference.charAt(p + 1) + reference.charAt(p)
                            + reference.substring(p + 2);
                    swaps++;
                    caught += ComplaintReference.parse(swapped).isEmpty() ? 1 : 0;
                }
            }
        }
        // Luhn mod 32 misses only the swap of the two symbols whose values sum to 31 at one pair of places.
        assertTrue(caught >= swaps * 0.99, caught + " of " + swaps);
    }

    @Test
    void reading_back_forgives_case_spaces_and_letters_that_look_like_digits() {
        assertEquals("D3M-0A1-00D", ComplaintReference.parse(" d3m 0a1 ood ").orElseThrow());
        assertEquals("D3M-0A1-00D", ComplaintReference.parse("D3M0A100D").orElseThrow());
        assertTrue(ComplaintReference.parse("D3M-0A1-00").isEmpty());
        assertTrue(ComplaintReference.parse("D3M-0A1-00D!").isEmpty());
    }

    @Test
    void references_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ComplaintReference.generate()));
        }
    }
}
