package org.fairrecruit.registry.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A comparable unit of a parsed name.
 *
 * @param text   the form compared: folded, abbreviations expanded, name-part spellings unified
 * @param source the written words it was read from (one phrase may give several tokens)
 */
record Token(String text, Kind kind, double weight, List<Word> source) {

    enum Kind {
        /** a distinctive word: "Sagarmatha", "Thapa" */
        NAME,
        /** a very common part of personal names: "Bahadur", "Mohammad", "dela" */
        COMMON,
        /** a word of the trade: "Manpower", "Services", "Global" */
        GENERIC,
        /** "Pvt Ltd", "PT", "Inc" */
        LEGAL
    }

    /** As written, for explanations. */
    String written() {
        return source.stream().map(Word::original).collect(Collectors.joining(" "));
    }

    String folded() {
        return source.stream().map(Word::folded).collect(Collectors.joining(" "));
    }

    /** True when a table or abbreviation changed the written word into {@link #text}. */
    boolean rewritten() {
        return !folded().equals(text);
    }
}
