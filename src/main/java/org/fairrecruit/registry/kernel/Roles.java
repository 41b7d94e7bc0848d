package org.fairrecruit.registry.kernel;

import java.util.List;

/** Staff roles. Constants, because {@code @Secured} needs compile-time strings. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String LICENSING_OFFICER = "LICENSING_OFFICER";
    public static final String INVESTIGATOR = "INVESTIGATOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String HOTLINE_OPERATOR = "HOTLINE_OPERATOR";
    public static final String AUDITOR = "AUDITOR";
    public static final List<String> ALL =
            List.of(ADMIN, LICENSING_OFFICER, INVESTIGATOR, SUPERVISOR, HOTLINE_OPERATOR, AUDITOR);

    private Roles() {
    }
}
