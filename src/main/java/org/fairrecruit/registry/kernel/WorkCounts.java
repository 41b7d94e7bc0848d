package org.fairrecruit.registry.kernel;

import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/**
 * What waits for the signed-in person, counted for the navigation of every staff page (e.g.
 * "proposals" → 3). Capabilities above the web layer implement it; the layout shows the counts.
 */
public interface WorkCounts {
    Map<String, Long> of(Authentication user);
}
