package org.fairrecruit.registry.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The equivalence tables of src/main/resources/matching: legal forms, generic trade words,
 * abbreviations, name-part spellings, numbers, nicknames and the weights of very common name
 * parts. Keys are folded words joined by single spaces.
 */
final class Lexicon {

    /** How a phrase of one or more words is read. */
    record Reading(List<String> words, boolean legalForm) {
    }

    private final Map<String, Reading> agencyPhrases = new HashMap<>();
    private final Map<String, Reading> personPhrases = new HashMap<>();
    private final Map<String, Reading> legalWords = new HashMap<>();
    private final Set<String> genericWords = new HashSet<>();
    private final Set<String> phraseStarts = new HashSet<>();
    private final Map<String, Double> nameWeights = new HashMap<>();
    /** The nickname groups (nicknames.tsv) each given name or short form belongs to. */
    private final Map<String, Set<Integer>> nicknameGroups = new HashMap<>();
    private int nicknameLines;
    /** The compared forms of numbers.tsv: "third", "junior". */
    private final Set<String> numbers = new HashSet<>();
    private int longestPhrase = 1;

    /** Two thirds of a legal-form word spelt right: "ivt" for "pvt", "Cop" for "corp". */
    private static final double NEAR_LEGAL_FORM = 0.66;
    /**
     * Every search parses each candidate's name again, so the same words of the register come back all the
     * time, and comparing one with every legal-form word is the costliest step of parsing: each word's answer
     * is kept (it depends on nothing else), for this many words at most.
     */
    private static final int NEAR_LEGAL_FORMS_KEPT = 50_000;
    private final Map<String, Optional<Reading>> nearLegalForms = new ConcurrentHashMap<>();

    static Lexicon load() {
        Lexicon lexicon = new Lexicon();
        // Name parts first: an abbreviation or legal-form reading of the same spelling wins for agencies.
        read("name-parts.tsv", cols -> lexicon.addGroup(cols, lexicon.personPhrases, lexicon.agencyPhrases, false));
        read("abbreviations.tsv", cols -> lexicon.addGroup(cols, lexicon.agencyPhrases, null, false));
        read("legal-forms.tsv", cols -> lexicon.addGroup(cols, lexicon.agencyPhrases, null, true));
        read("generic-words.tsv", cols -> lexicon.genericWords.add(cols[0]));
        read("name-particles.tsv", cols -> lexicon.nameWeights.put(cols[0], Double.parseDouble(cols[1])));
        read("numbers.tsv", cols -> {
            lexicon.addGroup(cols, lexicon.personPhrases, lexicon.agencyPhrases, false);
            lexicon.numbers.add(cols[0]);
        });
        read("nicknames.tsv", lexicon::addNicknames);
        return lexicon;
    }

    /** Whether some phrase of several words starts with this word; most words start none. */
    boolean startsPhrase(String word) {
        return phraseStarts.contains(word);
    }

    Reading reading(String phrase, EntityType type) {
        return (type == EntityType.PERSON ? personPhrases : agencyPhrases).get(phrase);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    /**
     * The legal form a misspelt word at the end of a company name most likely stands for
     * ("Limitde", "Corporaation", "Ldt"), or null. Only words of three letters or more are
     * compared, since shorter ones are too easily something else.
     */
    Reading nearLegalForm(String word) {
        if (word.length() < 3) {
            return null;
        }
        Optional<Reading> known = nearLegalForms.get(word);
        if (known == null) {
            known = Optional.ofNullable(closestLegalForm(word));
            if (nearLegalForms.size() < NEAR_LEGAL_FORMS_KEPT) {
                nearLegalForms.put(word, known);
            }
        }
        return known.orElse(null);
    }

    private Reading closestLegalForm(String word) {
        Reading best = null;
        double bestScore = NEAR_LEGAL_FORM;
        for (Map.Entry<String, Reading> legal : legalWords.entrySet()) {
            TokenSimilarity.Result similarity = TokenSimilarity.compare(word, legal.getKey(), EntityType.PERSON);
            if (similarity.score() >= bestScore) {
                best = legal.getValue();
                bestScore = similarity.score();
            }
        }
        return best;
    }

    boolean isNumber(String word) {
        return numbers.contains(word);
    }

    /** Whether one given name is a nickname of the other ("Bill", "William"), or both of one name ("Bill", "Will"). */
    boolean nicknames(String one, String other) {
        Set<Integer> groups = nicknameGroups.get(one);
        if (groups == null) {
            return false;
        }
        Set<Integer> others = nicknameGroups.get(other);
        return others != null && !Collections.disjoint(groups, others);
    }

    private void addNicknames(String[] cols) {
        int group = nicknameLines++;
        nicknameGroups.computeIfAbsent(cols[0].strip(), k -> new HashSet<>()).add(group);
        for (String nickname : cols[1].split(",")) {
            nicknameGroups.computeIfAbsent(nickname.strip(), k -> new HashSet<>()).add(group);
        }
    }

    boolean isGeneric(String word) {
        return genericWords.contains(word);
    }

    /** Weight of a personal-name part relative to an ordinary one; 0 for honorifics. */
    double nameWeight(String word) {
        return nameWeights.getOrDefault(word, 1.0);
    }

    private void addGroup(String[] cols, Map<String, Reading> into, Map<String, Reading> alsoInto, boolean legalForm) {
        Reading reading = new Reading(List.of(cols[0].split(" ")), legalForm);
        Set<String> spellings = new HashSet<>();
        spellings.add(cols[0]);
        if (cols.length > 1) {
            spellings.addAll(List.of(cols[1].split(",")));
        }
        for (String spelling : spellings) {
            String key = spelling.trim();
            into.put(key, reading);
            if (alsoInto != null) {
                alsoInto.put(key, reading);
            }
            if (legalForm && !key.contains(" ") && key.length() >= 3) {
                legalWords.put(key, reading);
            }
            String[] words = key.split(" ");
            longestPhrase = Math.max(longestPhrase, words.length);
            if (words.length > 1) {
                phraseStarts.add(words[0]);
            }
        }
    }

    static void read(String file, Consumer<String[]> row) {
        String path = "/matching/" + file;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(line.strip().split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
