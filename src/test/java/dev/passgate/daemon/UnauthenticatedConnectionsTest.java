package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UnauthenticatedConnectionsTest {

    private static final InetAddress A = address("127.0.0.2");
    private static final InetAddress B = address("127.0.0.3");

    @Test
    void anAddressGetsItsCapThenIsRefusedUntilAPlaceIsGivenBack() {
        UnauthenticatedConnections c = new UnauthenticatedConnections(2, 10);
        UnauthenticatedConnections.Place first = c.admit(A);
        assertNotNull(c.admit(A));
        assertNull(c.admit(A));
        assertEquals(UnauthenticatedConnections.Refusal.PER_ADDRESS, c.refusal(A));
        assertNotNull(c.admit(B), "another address is not affected");
        first.close();
        assertNotNull(c.admit(A));
    }

    @Test
    void theTotalCapRefusesEveryAddress() {
        UnauthenticatedConnections c = new UnauthenticatedConnections(10, 3);
        c.admit(A);
        c.admit(A);
        UnauthenticatedConnections.Place third = c.admit(B);
        assertNull(c.admit(B));
        assertNull(c.admit(address("127.0.0.4")));
        assertEquals(UnauthenticatedConnections.Refusal.TOTAL, c.refusal(B));
        third.close();
        assertNotNull(c.admit(address("127.0.0.4")));
    }

    @Test
    void aPlaceClosedTwiceIsGivenBackOnceAndEmptyAddressesAreForgotten() {
        UnauthenticatedConnections c = new UnauthenticatedConnections(10, 10);
        UnauthenticatedConnections.Place a = c.admit(A);
        UnauthenticatedConnections.Place a2 = c.admit(A);
        a.close();
        a.close();
        assertEquals(1, c.total());
        assertEquals(1, c.from(A));
        a2.close();
        assertEquals(0, c.total());
        assertEquals(0, c.addresses());
    }

    @Test
    void zeroMeansNoCap() {
        UnauthenticatedConnections c = new UnauthenticatedConnections(0, 0);
        for (int i = 0; i < 5000; i++) {
            assertNotNull(c.admit(A));
        }
        assertEquals(5000, c.from(A));
    }

    @Test
    void manyThreadsTakingAndGivingBackLeaveNothingCounted() throws Exception {
        UnauthenticatedConnections c = new UnauthenticatedConnections(50, 120);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> admitted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            InetAddress from = t % 2 == 0 ? A : B;
            admitted.add(threads.submit(() -> {
                int n = 0;
                for (int i = 0; i < 20_000; i++) {
                    UnauthenticatedConnections.Place p = c.admit(from);
                    if (p != null) {
                        n++;
                        p.close();
                        p.close();
                    }
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : admitted) {
            total += f.get();
        }
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(8 * 20_000, total, "with each place given back at once nobody is ever refused");
        assertEquals(0, c.total());
        assertEquals(0, c.addresses());
    }

    private static InetAddress address(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
