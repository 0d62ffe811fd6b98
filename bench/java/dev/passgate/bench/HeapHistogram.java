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
        List<Map.Entry<String, long[]>> grown = byClass.entrySet().stream()
                .map(e -> {
                    long[] was = before.byClass.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .collect(Collectors.toList());
        long all = byClass.entrySet().stream().mapToLong(e -> e.getValue()[1]
                - before.byClass.getOrDefault(e.getKey(), new long[2])[1]).sum();
        return grown.stream().map(e -> String.format(Locale.ROOT, "  %7.0f bytes  %5.2f objects  %s",
                (double) e.getValue()[1] / units, (double) e.getValue()[0] / units, e.getKey()))
                .collect(Collectors.joining("\n")) + String.format(Locale.ROOT, "%n  %7.0f bytes in all", (double) all / units);
    }
}
