package dev.passgate.miner;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The most bytes the files under one home ({@code /u/<user>}) may add up to, whoever writes
 * them. Checking and writing happen under one lock per home (striped, so memory stays
 * bounded), so two sessions of one user cannot both pass the check with the last free bytes.
 */
final class HomeQuota {

    private final Path homes;
    private final long quotaBytes;
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    HomeQuota(Path root, long quotaBytes) {
        this.homes = root.resolve("u");
        this.quotaBytes = quotaBytes;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The home folder a path in the tree lies in; empty outside the homes. */
    Optional<Path> homeOf(Path real) {
        if (!real.startsWith(homes) || real.getNameCount() <= homes.getNameCount()) {
            return Optional.empty();
        }
        return Optional.of(homes.resolve(real.getName(homes.getNameCount())));
    }

    /** The lock to hold while checking and changing files in this home (or outside the homes, one shared lock). */
    ReentrantLock lockFor(Optional<Path> home) {
        return stripes[Math.floorMod(home.map(Path::hashCode).orElse(0), stripes.length)];
    }

    /**
     * Refuses a write that would take the home over its quota: {@code replaced} bytes go away
     * (the old content of an overwritten file), {@code added} bytes arrive. A write that does
     * not grow the home passes, so a home already over a lowered quota can still shrink.
     */
    void check(Optional<Path> home, long replaced, long added) throws IOException {
        if (home.isEmpty()) {
            return;
        }
        long after = usage(home.get()) - replaced + added;
        if (after > quotaBytes && added > replaced) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "the files quota of /u/"
                    + home.get().getFileName() + " (" + quotaBytes + " bytes) does not allow this write");
        }
    }

    /** Bytes of the regular files below the home; links are not followed, vanishing files are skipped. */
    long usage(Path home) throws IOException {
        if (!Files.exists(home)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
