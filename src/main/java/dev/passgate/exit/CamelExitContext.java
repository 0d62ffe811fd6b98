package dev.passgate.exit;

import java.util.Optional;
import org.apache.camel.CamelContext;

/** The exit context over PassGate's CamelContext: its properties component and registry. */
record CamelExitContext(CamelContext camel, SecurityMode securityMode) implements ExitContext {

    @Override
    public Optional<String> setting(String key) {
        return camel.getPropertiesComponent().resolveProperty(key);
    }

    @Override
    public <T> Optional<T> bean(String name, Class<T> type) {
        return Optional.ofNullable(camel.getRegistry().lookupByNameAndType(name, type));
    }
}
