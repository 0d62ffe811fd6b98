package dev.passgate.session;

import java.util.List;

/** The nodes of the cluster found lost by one run of the {@code lost-node-reaper} route. */
public record LostNodes(List<String> names) {

    public LostNodes {
        names = List.copyOf(names);
    }
}
