package dev.passgate.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates files (0600) and folders (0700) that only PassGate's own account can open. The
 * mode is given to the system call that creates them, so there is no moment in which
 * another local user could open one; on file systems without POSIX permissions the
 * platform's defaults apply. Every file PassGate writes (keys, credentials, the one-time
 * password, users' files) is made here.
 */
public final class OwnerOnly {

    private final FileAttribute<?>[] fileMode;
    private final FileAttribute<?>[] folderMode;

    public OwnerOnly(FileSystem fs) {
        boolean posix = fs.supportedFileAttributeViews().contains("posix");
        fileMode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
        folderMode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    /** For files and folders on the file system of the given path. */
    public static OwnerOnly on(Path path) {
        return new OwnerOnly(path.getFileSystem());
    }

    /**
     * Creates the file, owner-only, with this text, and the folders above it where missing;
     * fails with FileAlreadyExistsException if it exists.
     */
    public static void writeNew(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        on(file).createFile(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir, folderMode);
    }

    public Path createDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, folderMode);
    }

    public Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileMode);
    }

    /** A new, empty file beside {@code target}, to be moved over it once complete. */
    public Path createTempBeside(Path target) throws IOException {
        return Files.createTempFile(target.getParent(), ".passgate-", ".tmp", fileMode);
    }
}
