package dev.passgate.cli;

import dev.passgate.store.EmbeddedStore;
import dev.passgate.store.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@code serve} per data folder: an OS file lock on {@value #FILE}, taken before anything
 * else opens, creates or rewrites a file there, and held until the process ends (the system
 * frees it then, also after kill -9). A second serve refuses at once, so it never replaces the
 * running daemon's operator credential or trips over its database.
 */
final class DataFolderLock {

    static final String FILE = "serve.lock";

    /** Held, never closed: each lock lasts as long as this process. */
    private static final Map<Path, FileChannel> HELD = new HashMap<>();

    private DataFolderLock() {
    }

    static synchronized void take(Path dataDir) {
        Path file = EmbeddedStore.secureFolder(dataDir).toAbsolutePath().normalize().resolve(FILE);
        if (HELD.containsKey(file)) {
            throw new ServeRefused("the data folder " + dataDir + " is in use by a serve of this process");
        }
        try {
            if (!Files.exists(file)) {
                try {
                    OwnerOnly.on(file).createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // the other serve made it first; its lock decides below
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String pid = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new ServeRefused("the data folder " + dataDir + " is in use by another passgate serve"
                        + (pid.isEmpty() ? "" : " (pid " + pid + ")") + "; stop it first, or give this one its own --data");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            HELD.put(file, channel);
        } catch (IOException e) {
            throw new ServeRefused("cannot lock the data folder " + dataDir + " (" + file + "): " + e.getMessage());
        }
    }
}
