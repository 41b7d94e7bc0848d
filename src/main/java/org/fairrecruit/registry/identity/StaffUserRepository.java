package org.fairrecruit.registry.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffUserRepository extends CrudRepository<StaffUser, Long> {
    Optional<StaffUser> findByUsername(String username);

    List<StaffUser> findAllOrderByUsername();

    boolean existsByRolesContains(String role);
}
