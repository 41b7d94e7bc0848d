package org.fairrecruit.registry.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the agency page prints about a profile, worked out here in the reader's language: every text
 * a value or a coded name turns into, so the template only reads values ({@code ${agency.licenceStatus}}).
 * Maps, not records: Thymeleaf reads a chain of map keys itself, while any other expression (a record's
 * component, a method call, a condition) goes through OGNL, which made up a third of a first read's
 * render (JFR, session 14). A list with no entries is null, so the template asks {@code th:if="${agency.x}"}; a text that may be
 * missing is asked {@code != null} (Thymeleaf reads the texts "no", "off" and "false" as false).
 */
final class AgencyView {
    private AgencyView() {
    }

    static Map<String, Object> of(AgencyProfile agency, Locale locale, Verdicts verdicts) {
        Function<String, String> text = key -> verdicts.text(key, locale);
        AgencyProfile.Licence licence = agency.licence();
        Map<String, Object> view = new HashMap<>();
        view.put("legalName", agency.legalName());
        view.put("certificateHref", "/agencies/" + agency.id() + "/certificate.pdf?lang=" + locale.getLanguage());
        view.put("licenceNumber", licence == null || licence.number() == null ? "—" : licence.number());
        view.put("licenceStatus", licence == null ? text.apply("agency.noLicence") : text.apply("licence.status." + licence.status()));
        view.put("validity", licence == null || licence.validFrom() == null ? null : verdicts.text("agency.validRange", locale,
                verdicts.date(licence.validFrom(), locale), verdicts.date(licence.validUntil(), locale)));
        view.put("registrationNumber", agency.registrationNumber());
        view.put("address", agency.address());
        view.put("substantiatedComplaints", agency.substantiatedComplaints());
        view.put("activities", licence == null ? null : each(licence.activities(), a -> text.apply("licence.activity." + a)));
        view.put("destinations", each(agency.destinations(), d -> verdicts.country(d, locale)));
        boolean conditions = licence != null && (!licence.conditionCodes().isEmpty() || licence.conditions() != null);
        view.put("conditions", conditions ? licence.conditionCodes().stream().map(c -> text.apply("licence.condition." + c)).toList() : null);
        view.put("remark", licence == null ? null : licence.conditions());
        view.put("contact", agency.contact().any() ? contact(agency.contact()) : null);
        view.put("names", agency.names().stream().map(n -> Map.of("name", n.name(),
                "kind", text.apply("agency.nameKind." + n.kind()))).toList());
        view.put("listings", each(agency.blacklistEntries(), e -> verdicts.text("agency.listedSince", locale,
                verdicts.date(e.listedOn(), locale), text.apply("blacklist.reason." + e.reasonCategory()), e.legalBasis())));
        view.put("branches", each(agency.branches(), AgencyView::branch));
        view.put("sanctions", each(agency.sanctions(), s -> verdicts.date(s.decidedOn(), locale) + ": "
                + text.apply("sanction.kind." + s.kind()) + " (" + s.legalBasis() + ")"));
        view.put("prohibitedFees", each(agency.prohibitedFees(), f -> f.amount() + " " + f.currency()));
        view.put("history", each(agency.statusHistory(), c -> change(c, locale, verdicts)));
        return view;
    }

    private static Map<String, Object> contact(AgencyProfile.Contact contact) {
        Map<String, Object> view = new HashMap<>();
        view.put("phone", contact.phone());
        view.put("tel", contact.phone() == null ? null : tel(contact.phone()));
        view.put("email", contact.email());
        view.put("mailto", contact.email() == null ? null : "mailto:" + contact.email());
        view.put("website", contact.website());
        return view;
    }

    private static Map<String, Object> branch(AgencyProfile.Branch branch) {
        Map<String, Object> view = new HashMap<>();
        view.put("text", branch.name() + ", " + branch.address());
        view.put("phone", branch.phone());
        view.put("tel", branch.phone() == null ? null : tel(branch.phone()));
        return view;
    }

    private static Map<String, Object> change(AgencyProfile.StatusChange change, Locale locale, Verdicts verdicts) {
        Map<String, Object> view = new HashMap<>();
        view.put("date", verdicts.date(verdicts.day(change.occurredAt()), locale));
        view.put("status", verdicts.text("licence.status." + change.toStatus(), locale));
        view.put("reason", change.reasonKey() == null ? null : verdicts.text(change.reasonKey(), locale));
        view.put("remarks", change.remarks());
        view.put("remarksLang", change.remarksLang());
        view.put("legalBasis", change.legalBasis());
        return view;
    }

    private static String tel(String phone) {
        return "tel:" + phone.replace(" ", "");
    }

    private static <T, R> List<R> each(List<T> items, Function<T, R> view) {
        return items.isEmpty() ? null : items.stream().map(view).toList();
    }
}
