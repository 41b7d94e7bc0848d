package org.fairrecruit.registry.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Map;

/**
 * Audit checkpoints: how often, the Ed25519 key pair that signs them (PEM: PKCS#8 private key, X.509
 * public key; from a Kubernetes secret, never the database) with its id, public keys of earlier ids
 * (so checkpoints signed before a rotation still verify), and the external auditor who gets each one.
 */
@ConfigurationProperties("registry.audit.checkpoints")
record CheckpointSettings(Duration interval, String keyId, @Nullable String signingKey, @Nullable String verifyKey,
                          @Nullable Map<String, String> previousVerifyKeys, @Nullable String auditorEmail) {
}
