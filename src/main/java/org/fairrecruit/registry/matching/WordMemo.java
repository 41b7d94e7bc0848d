package org.fairrecruit.registry.matching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What a function of a word alone answered before (its Latin spelling, its sound key), kept because
 * names share their words: across the 1.4 million names of the scale set the same few thousand
 * given names, surnames and business words come back in name after name. The answer depends on the
 * word only, so nothing kept goes stale; emptied when full, which bounds its heap.
 */
final class WordMemo {
    private static final int MOST_WORDS = 50_000;

    private final UnaryOperator<String> answer;
    private final Map<String, String> kept = new ConcurrentHashMap<>();

    WordMemo(UnaryOperator<String> answer) {
        this.answer = answer;
    }

    String of(String word) {
        String known = kept.get(word);
        if (known != null) {
            return known;
        }
        String computed = answer.apply(word);
        if (kept.size() >= MOST_WORDS) {
            kept.clear();
        }
        kept.put(word, computed);
        return computed;
    }
}
