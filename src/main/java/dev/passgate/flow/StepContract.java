package dev.passgate.flow;

import java.util.Set;

/**
 * What a step needs from the steps before it ({@code reads}) and what it leaves for the ones
 * after it ({@code writes}), checked against the route at start ({@link RouteContracts}).
 */
public record StepContract(Set<FlowKey<?>> reads, Set<FlowKey<?>> writes) {

    public static final StepContract NONE = new StepContract(Set.of(), Set.of());

    public StepContract {
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
    }

    public static StepContract reads(FlowKey<?>... keys) {
        return new StepContract(Set.of(keys), Set.of());
    }

    public static StepContract writes(FlowKey<?>... keys) {
        return new StepContract(Set.of(), Set.of(keys));
    }

    /** This contract, also writing the given keys. */
    public StepContract andWrites(FlowKey<?>... keys) {
        java.util.Set<FlowKey<?>> all = new java.util.HashSet<>(writes);
        all.addAll(Set.of(keys));
        return new StepContract(reads, all);
    }
}
