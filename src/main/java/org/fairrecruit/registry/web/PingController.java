package org.fairrecruit.registry.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * A constant answer: the baseline that benchmarks (bin/portal-bench) measure every endpoint against,
 * so figures from a noisy machine are read as ratios taken in the same run.
 */
@Controller("/ping")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class PingController {
    @Get
    @Produces(MediaType.TEXT_PLAIN)
    String ping() {
        return "ok";
    }
}
