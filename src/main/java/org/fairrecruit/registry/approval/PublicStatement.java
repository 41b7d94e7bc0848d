package org.fairrecruit.registry.approval;

import org.fairrecruit.registry.database.Column;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public is told about a decision: a coded reason (shown in the reader's language, message
 * {@code decision.reason.<CODE>}) and optional remarks marked with the language they were written in.
 * The decider's reasoning is the internal note, kept elsewhere and never published.
 */
@Serdeable
public record PublicStatement(Reason reason, @Nullable String remarks, @Nullable String remarksLang) {
    public static final String REASON = "publicReason";
    public static final String REMARKS = "publicRemarks";
    public static final String REMARKS_LANG = "remarksLang";
    static final List<String> LANGUAGES = List.of("en", "fil", "ne", "id");

    public enum Reason {
        PROHIBITED_FEES, CONTRACT_SUBSTITUTION, DECEPTION, UNLICENSED_ACTIVITY, COMPLIANCE_FAILURE,
        INCOMPLETE_APPLICATION, FALSE_INFORMATION, BLACKLISTED, SANCTION, COMPLIANCE_RESTORED, VOLUNTARY_SURRENDER, OTHER
    }

    public static PublicStatement of(Reason reason) {
        return new PublicStatement(reason, null, null);
    }

    /** Reads and checks the three form fields; refusals name the field. */
    public static PublicStatement read(@Nullable String reason, @Nullable String remarks, @Nullable String lang) {
        Reason code = null;
        try {
            code = reason == null ? null : Reason.valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            code = null;
        }
        boolean hasRemarks = remarks != null && !remarks.isBlank();
        new InvalidInput.Collector()
                .require(code != null, REASON, "decision.error.publicReason")
                .optionalText(REMARKS, remarks, Column.PUBLIC_REMARKS)
                .require(!hasRemarks || (lang != null && LANGUAGES.contains(lang.strip())), REMARKS_LANG, "decision.error.remarksLang")
                .throwIfAny();
        return new PublicStatement(code, hasRemarks ? remarks.strip() : null, hasRemarks ? lang.strip() : null);
    }

    /** The statement as it travels in a proposal's details until a supervisor approves it. */
    public static PublicStatement fromDetails(Map<String, String> details) {
        return read(details.get(REASON), details.get(REMARKS), details.get(REMARKS_LANG));
    }

    public Map<String, String> toDetails() {
        Map<String, String> details = new HashMap<>();
        details.put(REASON, reason.name());
        if (remarks != null) {
            details.put(REMARKS, remarks);
            details.put(REMARKS_LANG, remarksLang);
        }
        return details;
    }

    public String messageKey() {
        return "decision.reason." + reason.name();
    }
}
