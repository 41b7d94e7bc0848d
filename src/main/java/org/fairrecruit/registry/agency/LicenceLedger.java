package org.fairrecruit.registry.agency;

import java.util.List;

/**
 * What the register needs to know of licences. Licensing owns them and sits above the register, so
 * it answers through this port: the register neither names licence states nor reads licence tables.
 */
public interface LicenceLedger {

    /** The states a licence can be in, as the register's list offers them for filtering. */
    List<String> statuses();

    /** Agencies that hold or held a licence with this loose key ({@code database.LooseKey}), newest licence first. */
    List<Long> agenciesHolding(String looseKey);
}
