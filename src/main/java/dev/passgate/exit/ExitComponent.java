package dev.passgate.exit;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code exit:new-session}, {@code exit:login} and {@code exit:logout}: the steps of PassGate's
 * routes where the login exits get control. The options are described on {@link ExitEndpoint}.
 */
@org.apache.camel.spi.annotations.Component("exit")
public class ExitComponent extends DefaultComponent {

    /** The registry name {@link ExitModule} binds the exits under. */
    static final String EXITS_BEAN = "loginExits";

    @Metadata(label = "advanced", autowired = true, description = "The login exits of the node: the Java exit,"
            + " the exit routes, the user exit blocks and the exit timeout. By default the one PassGate binds in the"
            + " registry as loginExits.")
    private volatile LoginExits exits;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ExitEndpoint endpoint = new ExitEndpoint(uri, this, ExitEndpoint.Call.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public LoginExits getExits() {
        return exits;
    }

    public void setExits(LoginExits exits) {
        this.exits = exits;
    }

    /** The configured exits, else the node's from the registry; remembered once found. */
    LoginExits resolveExits() {
        if (exits == null) {
            exits = getCamelContext().getRegistry().lookupByNameAndType(EXITS_BEAN, LoginExits.class);
            if (exits == null) {
                throw new IllegalStateException("exit: no login exits in the registry; install PassGate into the"
                        + " CamelContext first (PassGate.install)");
            }
        }
        return exits;
    }
}
