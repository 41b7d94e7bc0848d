package org.fairrecruit.registry.matching;

import java.util.List;

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
}
