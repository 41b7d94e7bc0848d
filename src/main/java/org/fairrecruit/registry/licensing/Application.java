package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** A licence application: NEW (the licence is PENDING until decided) or RENEWAL of an ACTIVE licence. */
@Serdeable
public record Application(long id, long licenceId, Kind kind, Status status, LocalDate filedOn,
                          String filedBy, Instant decidedAt, long version) {

    public enum Kind { NEW, RENEWAL }

    public enum Status { OPEN, GRANTED, REFUSED, CLOSED }

    public boolean open() {
        return status == Status.OPEN;
    }
}
