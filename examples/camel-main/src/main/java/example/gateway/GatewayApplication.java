package example.gateway;

import dev.passgate.PassGate;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * A camel-main application that hosts PassGate. Its settings (passgate.* among them) come from
 * application.properties and the environment; its own routes from classpath:routes/*.yaml.
 */
public final class GatewayApplication implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PassGate.install(context); // store, registry, passticket: component, daemon; the routes of passgate.routes.dir
    }

    /** The application as main runs it; tests start it with settings of their own. */
    public static Main create() {
        Main main = new Main();
        main.configure().addConfiguration(new GatewayApplication());
        return main;
    }

    public static void main(String[] args) throws Exception {
        System.exit(create().run(args));
    }
}
