package dev.passgate.flow;

import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * A typed exchange property that steps hand each other: one name, one type, so a step says
 * what it reads and writes ({@link StepContract}) and routes can test it by name
 * ({@code ${exchangeProperty.PassGateLogonOutcome}}).
 *
 * @param <T> the value's type
 */
public final class FlowKey<T> {

    private final String name;
    private final Class<T> type;

    private FlowKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
    }

    public static <T> FlowKey<T> of(String name, Class<T> type) {
        return new FlowKey<>(name, type);
    }

    /** The exchange property's name. */
    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public Optional<T> find(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(name, type));
    }

    /**
     * The value an earlier step wrote. The start-up check makes a missing one impossible in
     * PassGate's own routes; a route assembled in Java without that check gets this message.
     */
    public T get(Exchange exchange) {
        T value = exchange.getProperty(name, type);
        if (value == null) {
            throw new IllegalStateException("no " + name + " on the exchange: a step that writes it must come earlier");
        }
        return value;
    }

    public void set(Exchange exchange, T value) {
        exchange.setProperty(name, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey<?> k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
