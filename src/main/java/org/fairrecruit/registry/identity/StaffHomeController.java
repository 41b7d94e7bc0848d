package org.fairrecruit.registry.identity;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;

/** The back office's start page: links to what the signed-in roles may use. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class StaffHomeController {
    @Get
    @View("identity/staff-home")
    Map<String, Object> home() {
        return new HashMap<>();
    }
}
