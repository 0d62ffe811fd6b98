package dev.passgate.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.passgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pool selection as the RSE daemon does it: first with room, else a new pool, else POOLS_EXHAUSTED. */
class ThreadPoolSelectorTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    private ThreadPoolSelector selector(int maxClients, int maxPools, int minPools) {
        return new ThreadPoolSelector(new ThreadPoolSelector.Limits(maxClients, 4, maxPools, minPools,
                Duration.ofMinutes(5)), clock);
    }

    @Test
    void clientsFillTheFirstPoolThenANewOneStartsThenNoMore() {
        try (ThreadPoolSelector s = selector(2, 2, 1)) {
            assertEquals(1, s.pools().size(), "the minimum runs from the start");
            assertEquals(1, s.reserve().pool().id());
            assertEquals(1, s.reserve().pool().id());
            assertEquals(2, s.reserve().pool().id(), "a full pool makes a new one start");
            assertEquals(2, s.reserve().pool().id());
            assertThrows(PoolsExhaustedException.class, s::reserve);
        }
    }

    @Test
    void aReleasedPlaceIsUsedAgainAndReleasingTwiceCountsOnce() {
        try (ThreadPoolSelector s = selector(1, 1, 1)) {
            PoolLease lease = s.reserve();
            assertThrows(PoolsExhaustedException.class, s::reserve);
            lease.close();
            lease.close();
            PoolLease again = s.reserve();
            assertEquals(1, again.pool().clients());
            assertThrows(PoolsExhaustedException.class, s::reserve);
        }
    }

    @Test
    void emptyPoolsAboveTheMinimumStopAfterTheIdleTime() {
        try (ThreadPoolSelector s = selector(1, 3, 1)) {
            List<PoolLease> leases = List.of(s.reserve(), s.reserve(), s.reserve());
            assertEquals(3, s.pools().size());
            leases.forEach(PoolLease::close);
            clock.advance(Duration.ofMinutes(4));
            assertEquals(0, s.stopIdlePools(), "not idle long enough");
            clock.advance(Duration.ofMinutes(2));
            assertEquals(2, s.stopIdlePools());
            assertEquals(List.of(1), s.pools().stream().map(ThreadPool::id).toList(), "the minimum stays");
            assertEquals(1, s.reserve().pool().id());
            assertEquals(4, s.reserve().pool().id(), "a pool started later gets a new id, never a stopped pool's");
        }
    }

    @Test
    void aBusyPoolIsNeverStopped() {
        try (ThreadPoolSelector s = selector(1, 2, 0)) {
            PoolLease busy = s.reserve();
            clock.advance(Duration.ofHours(1));
            assertEquals(0, s.stopIdlePools());
            busy.close();
            clock.advance(Duration.ofHours(1));
            assertEquals(1, s.stopIdlePools());
        }
    }
}
