package dev.passgate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.passgate.admin.AdminHttpApi;
import dev.passgate.admin.AdminModule;
import dev.passgate.admin.AdminSettings;
import dev.passgate.jobs.JobsSettings;
import dev.passgate.settings.PassGateSettings;
import dev.passgate.security.SecurityBootstrap;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What {@code passgate serve} adds to camel-main: PassGate itself (which loads the integrator's
 * routes from {@code passgate.routes.dir}; serve creates that folder), and the start-up summary.
 */
public final class PassGateMainConfiguration implements CamelConfiguration {

    /** Consumers that listen on a network port, for the start-up summary. */
    private static final List<String> LISTENING_SCHEMES = List.of("netty", "netty-http", "platform-http");

    private final Path configFile;
    private final PrintWriter console;

    public PassGateMainConfiguration(Path configFile, PrintWriter console) {
        this.configFile = configFile;
        this.console = console;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        refuseReloadOfAllRoutes(context);
        PassGate.addDefaults(context.getPropertiesComponent());
        PassGate passGate = PassGate.install(context);
        new SecurityBootstrap(passGate.security()).ensureAdministrator(
                passGate.settings().dataDir().resolve(SecurityBootstrap.ADMIN_PASSWORD_FILE), console);
        Path routesDir = passGate.settings().routesDir();
        Files.createDirectories(routesDir); // for the operator to find; install loaded what was in it
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event.getType() == CamelEvent.Type.CamelContextStarted) {
                    printSummary(context, passGate, routesDir);
                } else if (event.getType() == CamelEvent.Type.CamelContextStopped) {
                    console.println("PassGate stopped");
                }
            }
        });
    }

    /** Camel's reload that removes every route would take PassGate's own routes away at the first change of a file. */
    private static void refuseReloadOfAllRoutes(CamelContext context) {
        var p = context.getPropertiesComponent();
        boolean reload = p.resolveProperty("camel.main.routesReloadEnabled").map(Boolean::parseBoolean).orElse(false);
        boolean removeAll = p.resolveProperty("camel.main.routesReloadRemoveAllRoutes").map(Boolean::parseBoolean)
                .orElse(false);
        if (reload && removeAll) {
            throw new IllegalStateException("camel.main.routesReloadRemoveAllRoutes=true would remove PassGate's built-in"
                    + " routes at every reload of a route file; leave it false (serve's default): a changed file then"
                    + " replaces only its own routes");
        }
    }

    private void printSummary(CamelContext context, PassGate passGate, Path routesDir) {
        PassGateSettings settings = passGate.settings();
        console.println("PassGate started (APPLID " + settings.applid() + ")");
        for (Route route : context.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
            if (LISTENING_SCHEMES.contains(scheme)) {
                console.println("  listening: " + route.getEndpoint().getEndpointBaseUri() + " (route " + route.getRouteId() + ")");
            }
        }
        JobsSettings jobs = JobsSettings.from(settings);
        if (jobs.port() != 0) {
            console.println("  listening: " + jobs.host() + ":" + jobs.port() + " (job monitor, " + JobsSettings.PORT + ")");
        }
        AdminModule admin = context.hasService(AdminModule.class);
        if (admin != null && admin.apiPort() != 0) {
            console.println("  listening: 127.0.0.1:" + admin.apiPort() + " (operator API, " + AdminSettings.PORT
                    + "; passgate admin finds it through " + settings.dataDir().resolve(AdminHttpApi.CREDENTIAL_FILE) + ")");
        }
        console.println("  data:      " + settings.dataDir() + " (" + passGate.databaseUrl() + ")");
        Path oneTime = settings.dataDir().resolve(SecurityBootstrap.ADMIN_PASSWORD_FILE);
        if (Files.exists(oneTime)) {
            console.println("  password:  PGADMIN's one-time password is in " + oneTime + " (delete it after the first logon)");
        }
        console.println("  config:    " + configFile + (Files.exists(configFile) ? "" : " (not present, defaults in use)"));
        console.println("  routes:    " + routesDir);
        ManagementHttpServer management = context.hasService(ManagementHttpServer.class);
        if (management != null) {
            console.println("  observe:   http://" + management.getHost() + ":" + management.getPort()
                    + "/observe/health and /observe/metrics");
        }
    }
}
