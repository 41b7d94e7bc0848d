package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordMemoTest {

    @Test
    void a_word_is_answered_once_and_every_word_rightly_however_many_pass() {
        AtomicInteger asked = new AtomicInteger();
        WordMemo upper = new WordMemo(word -> {
            asked.incrementAndGet();
            return word.toUpperCase();
        });
        assertEquals("THAPA", upper.of("thapa"));
        assertEquals("THAPA", upper.of("thapa"));
        assertEquals(1, asked.get());

        for (int k = 0; k < 120_000; k++) {
            assertEquals("W" + k, upper.of("w" + k));
        }
        assertEquals("THAPA", upper.of("thapa"));
        assertEquals(120_002, asked.get(), "emptied when full, so a word pushed out is answered anew");
    }
}
