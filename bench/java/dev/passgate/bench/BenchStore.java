package dev.passgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stores the harness can put a PassGate on ({@code --stores h2,postgres}). */
enum BenchStore {
    /** The embedded default: a file database of its own in the server's data folder. */
    H2,
    /**
     * The same, with {@code passgate.store.durable-acks=false}: replies wait for the commit but not
     * for H2's file. Beside {@link #H2} in one run it measures what durable acknowledgments cost.
     */
    H2_UNFORCED,
    /** One node on a database of its own on the harness's PostgreSQL ({@link BenchPostgres}). */
    POSTGRES;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A comma-separated list, in the order given, each store once. */
    static List<BenchStore> parse(String list) {
        List<BenchStore> stores = new ArrayList<>();
        for (String name : list.split(",")) {
            BenchStore store = switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "h2" -> H2;
                case "h2-unforced" -> H2_UNFORCED;
                case "postgres", "postgresql", "pg" -> POSTGRES;
                default -> throw new IllegalArgumentException("--stores: unknown store " + name + " (h2, h2-unforced, postgres)");
            };
            if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("--stores: name at least one store (h2, h2-unforced, postgres)");
        }
        return stores;
    }
}
