package dev.passgate.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * The heap's live objects by class, from the JVM's own class histogram (what {@code jcmd
 * GC.class_histogram} prints; taking one runs a full GC). Two of them, before and after idle
 * sessions are opened, say what each session keeps on the heap.
 */
record HeapHistogram(Map<String, long[]> byClass) {

    /** Instances and bytes of each class's live objects now. */
    static HeapHistogram take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            // "   1:        123456      7890123  java.lang.String (java.base@17)"
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return new HeapHistogram(byClass);
    }

    /** The classes that grew most from {@code before} to this one, per unit (a session), largest first; then the growth of all. */
    String growthPer(HeapHistogram before, int units, int top) {
        Map<String, long[]> growth = new HashMap<>();
        byClass.forEach((name, now) -> {
            long[] was = before.byClass.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {now[0] - was[0], now[1] - was[1]});
        });
        long all = growth.values().stream().mapToLong(g -> g[1]).sum();
        List<Map.Entry<String, long[]>> grown = growth.entrySet().stream()
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .collect(Collectors.toList());
        return grown.stream().map(e -> String.format(Locale.ROOT, "  %7.0f bytes  %5.2f objects  %s",
                (double) e.getValue()[1] / units, (double) e.getValue()[0] / units, e.getKey()))
                .collect(Collectors.joining("\n")) + String.format(Locale.ROOT, "%n  %7.0f bytes in all", (double) all / units);
    }
}
