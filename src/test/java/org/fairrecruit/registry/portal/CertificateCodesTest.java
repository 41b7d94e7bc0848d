package org.fairrecruit.registry.portal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short certificate code as a person reads it off paper and types it. */
class CertificateCodesTest {
    private final CertificateCodes codes = new CertificateCodes();

    @Test
    void a_printed_code_is_sixteen_characters_in_groups_of_the_unambiguous_alphabet() {
        for (int i = 0; i < 1000; i++) {
            String printed = codes.printed(codes.next());
            assertEquals(16, printed.length(), printed);
            assertTrue(printed.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]"), printed);
        }
    }

    @Test
    void typed_in_small_letters_without_dashes_or_with_o_for_zero_and_i_or_l_for_one_it_still_reads() {
        String symbols = "10KQ2M9XDF4T";
        String printed = codes.printed(symbols);
        String typed = printed.toLowerCase().replace("-", " ").replace('1', 'l').replace('0', 'o');

        assertEquals(new CertificateCodes.Reading.Code(symbols), codes.read(typed));
        assertEquals(new CertificateCodes.Reading.Code(symbols), codes.read(printed.replace('1', 'I')));
    }

    @Test
    void every_single_wrong_symbol_and_every_swap_of_neighbours_is_a_typing_mistake() {
        for (int n = 0; n < 200; n++) {
            String full = codes.printed(codes.next()).replace("-", "");
            for (int i = 0; i < full.length(); i++) {
                for (char c : CertificateCodes.ALPHABET.toCharArray()) {
                    if (c != full.charAt(i)) {
                        String wrong = full.substring(0, i) + c + full.substring(i + 1);
                        assertInstanceOf(CertificateCodes.Reading.Mistyped.class, codes.read(wrong), wrong);
                    }
                }
                if (i + 1 < full.length() && full.charAt(i) != full.charAt(i + 1)) {
                    String swapped = full.substring(0, i) + full.charAt(i + 1) + full.charAt(i) + full.substring(i + 2);
                    assertInstanceOf(CertificateCodes.Reading.Mistyped.class, codes.read(swapped), swapped);
                }
            }
        }
    }

    @Test
    void a_long_signed_code_or_a_word_is_not_a_short_code() {
        assertInstanceOf(CertificateCodes.Reading.NotShort.class, codes.read("djF8MXxSQS0yMDI0LTAwMDF8QUNUSVZF.abcdefgh"));
        assertInstanceOf(CertificateCodes.Reading.NotShort.class, codes.read("not-a-code"));
        assertInstanceOf(CertificateCodes.Reading.Mistyped.class, codes.read("UUUU-UUUU-UUUU-U"));
    }
}
