package org.fairrecruit.registry.bench.sqlstyle;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The licence lookup as a Micronaut Data repository with an explicit @Query, as the design card names it. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LicenceKeyRepository extends GenericRepository<LicenceKeyRow, Long> {
    @Query("SELECT agency_id FROM licence WHERE licence_loose_key = :key ORDER BY id DESC")
    List<Long> agenciesHolding(String key);
}
