package org.fairrecruit.registry.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** ISO 3166-1 countries named in the reader's language, in that language's alphabetical order, for country selects. */
public final class Countries {
    private Countries() {
    }

    public record Country(String code, String name) {
    }

    public static List<Country> in(Locale locale) {
        Collator order = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, order)).toList();
    }
}
