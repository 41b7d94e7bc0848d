package org.fairrecruit.registry.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Creates the first administrator from REGISTRY_ADMIN_USERNAME / _PASSWORD / _EMAIL when the
 * registry has none. There is no built-in default password.
 */
@Singleton
class AdminBootstrap {
    private final IdentityService identity;
    private final BootstrapAdmin admin;

    AdminBootstrap(IdentityService identity, BootstrapAdmin admin) {
        this.identity = identity;
        this.admin = admin;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (admin.username() != null && !admin.username().isBlank()) {
            identity.ensureAdmin(admin.username(), admin.password(), admin.email());
        }
    }

    @ConfigurationProperties("registry.bootstrap-admin")
    record BootstrapAdmin(String username, String password, String email) {
    }
}
