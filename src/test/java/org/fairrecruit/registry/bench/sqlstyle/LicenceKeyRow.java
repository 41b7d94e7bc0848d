package org.fairrecruit.registry.bench.sqlstyle;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** The few licence columns the Micronaut Data variant of the lookup needs as its root entity. */
@MappedEntity("licence")
record LicenceKeyRow(@Id Long id, @MappedProperty("agency_id") Long agencyId,
                     @MappedProperty("licence_loose_key") String licenceLooseKey) {
}
