package dev.passgate.exit;

import dev.passgate.security.SecurityRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login exits: the Java exit of {@code passgate.exit.class} (bound as {@code javaLoginExit}
 * for the built-in exit routes), the integrator's exit routes, and the security mode they run
 * under. Refuses to build mode {@code none} without an exit unless allowed. Adds
 * {@link ExitLifecycle}, which runs the init exit once the routes run and the termination exit
 * before they stop, so every other module's use of the exits lies inside that span.
 */
public final class ExitModule {

    private static final Logger LOG = LoggerFactory.getLogger(ExitModule.class);
    /** Exits mostly wait on routes or the database; a few threads per core keep logons flowing. */
    private static final int EXIT_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final JavaExitProcessor javaExit;
    private final LoginExits exits;

    /** @param replacedExitEvents exit events whose built-in route the integrator's routes replace */
    public ExitModule(CamelContext context, ExitSettings settings, SecurityRegistry security, ProducerTemplate template,
            Set<String> replacedExitEvents) throws Exception {
        Optional<LoginExit> java = settings.exitClass().map(ExitModule::instantiate);
        boolean configured = java.isPresent() || !replacedExitEvents.isEmpty();
        if (settings.mode() == SecurityMode.NONE && !configured) {
            if (!settings.allowNone()) {
                throw new IllegalStateException(ExitSettings.MODE + "=none needs a login exit (" + ExitSettings.EXIT_CLASS
                        + " or exit routes); to run without one anyway set " + ExitSettings.ALLOW_NONE + "=true");
            }
            LOG.warn("{}=none without a login exit: passwords are still verified, file access is not checked at all ({}=true)",
                    ExitSettings.MODE, ExitSettings.ALLOW_NONE);
        }
        this.javaExit = new JavaExitProcessor(java);
        ExecutorService exitThreads = context.getExecutorServiceManager().newThreadPool(ExitModule.class, "PassGateExit",
                EXIT_THREADS, EXIT_THREADS);
        this.exits = new LoginExits(configured, settings.mode(), settings.timeout(), template, exitThreads, security.audit());
        context.getManagementStrategy().addEventNotifier(new ExitLifecycle(exits));
    }

    @BindToRegistry("javaLoginExit")
    public JavaExitProcessor javaLoginExit() {
        return javaExit;
    }

    public LoginExits exits() {
        return exits;
    }

    private static LoginExit instantiate(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return (LoginExit) Class.forName(className.trim(), true, loader != null ? loader
                    : ExitModule.class.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(ExitSettings.EXIT_CLASS + " " + className + " cannot be loaded as a LoginExit: " + e);
        }
    }
}
