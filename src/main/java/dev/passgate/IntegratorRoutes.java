package dev.passgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrator's route files from {@code passgate.routes.dir}, loaded by {@link PassGate#install}
 * after the built-in routes, embedded or under serve alike. A folder that is not there is not
 * made (serve makes its own), so an embedding host finds nothing new in its working directory.
 */
final class IntegratorRoutes {

    /** Route files an integrator may drop into the routes folder. */
    static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".xml");

    private static final Logger LOG = LoggerFactory.getLogger(IntegratorRoutes.class);

    private IntegratorRoutes() {
    }

    /** Loads every route file in the folder, in name order. */
    static void load(CamelContext context, Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            LOG.debug("no integrator routes: {} is not a folder", folder);
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the routes folder " + folder, e);
        }
        var loader = PluginHelper.getRoutesLoader(context);
        for (Path file : files) {
            loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath()));
        }
        LOG.info("Loaded {} integrator route file(s) from {} ({})", files.size(), folder, dev.passgate.settings.PassGateSettings.ROUTES_DIR);
    }
}
