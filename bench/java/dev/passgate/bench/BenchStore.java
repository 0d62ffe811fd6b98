package dev.passgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stores the harness can put a PassGate on ({@code --stores h2,postgres}). */
enum BenchStore {
    /** The embedded default: a file database of its own in the server's data folder. */
    H2,
    /** One node on a database of its own on the harness's PostgreSQL ({@link BenchPostgres}). */
    POSTGRES;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A comma-separated list, in the order given, each store once. */
    static List<BenchStore> parse(String list) {
        List<BenchStore> stores = new ArrayList<>();
        for (String name : list.split(",")) {
            BenchStore store = switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "h2" -> H2;
                case "postgres", "postgresql", "pg" -> POSTGRES;
                default -> throw new IllegalArgumentException("--stores: unknown store " + name + " (h2, postgres)");
            };
            if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("--stores: name at least one store (h2, postgres)");
        }
        return stores;
    }
}
