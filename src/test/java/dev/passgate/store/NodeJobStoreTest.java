package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.quartz.SchedulerConfigException;
import org.quartz.simpl.CascadingClassLoadHelper;

/** The job store's own rules; SchedulerPerContextTest runs it under two real nodes. */
class NodeJobStoreTest {

    @Test
    void theRowsCarryTheNodesNameNotTheSchedulersOneOffName() {
        NodeJobStore store = new NodeJobStore();
        store.setNodeName("PassGate-PG01");
        store.setInstanceName("PassGate-PG01-3f2a9c1e"); // what Quartz hands it: the scheduler's name
        assertEquals("PassGate-PG01", store.getInstanceName());
    }

    @Test
    void withoutItsContextsDataSourceItRefusesToStart() {
        NodeJobStore store = new NodeJobStore();
        assertThrows(SchedulerConfigException.class, () -> store.initialize(new CascadingClassLoadHelper(), null));
    }
}
