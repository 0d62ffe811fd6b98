package dev.passgate.miner;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates files (0600) and folders (0700) that only PassGate's own account can open. The
 * mode is given to the system call that creates them, so there is no moment in which
 * another local user could open one; on file systems without POSIX permissions the
 * platform's defaults apply.
 */
final class OwnerOnly {

    private final FileAttribute<?>[] fileMode;
    private final FileAttribute<?>[] folderMode;

    OwnerOnly(FileSystem fs) {
        boolean posix = fs.supportedFileAttributeViews().contains("posix");
        fileMode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
        folderMode = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir, folderMode);
    }

    Path createDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, folderMode);
    }

    Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileMode);
    }

    /** A new, empty file beside {@code target}, to be moved over it once complete. */
    Path createTempBeside(Path target) throws IOException {
        return Files.createTempFile(target.getParent(), ".passgate-", ".tmp", fileMode);
    }
}
