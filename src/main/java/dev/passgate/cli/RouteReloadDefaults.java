package dev.passgate.cli;

import java.util.Map;

/**
 * Camel's live reload of routes as serve sets it up, for when an operator turns it on
 * ({@code camel.main.routesReloadEnabled=true}): it watches the integrator's routes folder, and
 * a changed file replaces only its own routes. Camel's own default would remove every route at
 * each reload, PassGate's built-in ones included, and load back only the files it watches.
 */
final class RouteReloadDefaults {

    static final String REMOVE_ALL = "camel.main.routesReloadRemoveAllRoutes";

    static final Map<String, String> PROPERTIES = Map.of(
            "camel.main.routesReloadDirectory", "{{passgate.routes.dir}}",
            "camel.main.routesReloadPattern", "*.yaml,*.yml,*.xml",
            REMOVE_ALL, "false");

    private RouteReloadDefaults() {
    }
}
