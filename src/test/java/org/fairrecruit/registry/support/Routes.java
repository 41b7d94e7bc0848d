package org.fairrecruit.registry.support;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Comparator;
import java.util.List;

/**
 * Every route the running service answers, read from its router, so suites that walk all routes
 * (authorisation matrix, attack suite) cover a new route without a list to keep by hand.
 */
public final class Routes {
    /** One route: its HTTP method and its URI template as the controller declares it ({@code /agencies/{id}}). */
    public record Route(String method, String template) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Routes() {
    }

    public static List<Route> of(Router router) {
        return router.uriRoutes()
                .map(Routes::route)
                .distinct()
                .sorted(Comparator.comparing(Route::template).thenComparing(Route::method))
                .toList();
    }

    private static Route route(UriRouteInfo<?, ?> info) {
        return new Route(info.getHttpMethodName(), info.getUriMatchTemplate().toString());
    }
}
