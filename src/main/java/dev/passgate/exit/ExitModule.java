package dev.passgate.exit;

import dev.passgate.flow.StepContract;
import dev.passgate.flow.StepContractCheck;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.ServerSettings;
import dev.passgate.settings.PassGateSettings;
import org.apache.camel.CamelContext;

/**
 * The login exits: the Java exit ({@code passgate.exit.bean}, else {@code passgate.exit.class}),
 * the built-in exit routes made from one template, the integrator's exit routes that replace
 * them, and the security mode they run under ({@link LoginExits#create}); the {@code exit:} steps
 * that call them from routes, with their contracts (they read {@link ExitKeys#SUBJECT}). Adds
 * {@link ExitLifecycle}, which runs the init exit once the routes run and the termination exit
 * before they stop, so every other module's use of the exits lies inside that span.
 */
public final class ExitModule {

    /** Exits mostly wait on routes or the database; a few threads per core keep logons flowing. */
    private static final int EXIT_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final LoginExits exits;

    public ExitModule(CamelContext context, PassGateSettings settings, SecurityRegistry security) throws Exception {
        this.exits = LoginExits.create(context, ExitSettings.from(settings), ServerSettings.from(settings).handoffTimeout(),
                security.audit(), EXIT_THREADS);
        context.getManagementStrategy().addEventNotifier(new ExitLifecycle(exits));
        context.getRegistry().bind(ExitComponent.EXITS_BEAN, exits);
        StepContract call = StepContract.reads(ExitKeys.SUBJECT).andWrites(ExitKeys.ANSWER);
        StepContractCheck check = StepContractCheck.of(context);
        for (ExitEndpoint.Call c : ExitEndpoint.Call.values()) {
            check.endpoint("exit:" + c.uriName(), call);
        }
    }

    public LoginExits exits() {
        return exits;
    }
}
