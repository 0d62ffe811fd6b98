package dev.passgate.security;

import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import java.util.List;
import java.util.Optional;

/** Asks several resolvers in order; the first that knows the profile answers. */
public final class CompositeDefinitionResolver implements PassTicketDefinitionResolver {

    private final List<PassTicketDefinitionResolver> resolvers;

    public CompositeDefinitionResolver(List<PassTicketDefinitionResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public Optional<PassTicketDefinition> find(String profileName) {
        for (PassTicketDefinitionResolver r : resolvers) {
            Optional<PassTicketDefinition> d = r.find(profileName);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }
}
