package dev.passgate.miner;

import dev.passgate.store.OwnerOnly;

import dev.passgate.exit.ExportRules;
import dev.passgate.exit.LoginExits;
import dev.passgate.exit.SecurityMode;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessDecision;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code files.*}: one tree whose root {@code /} is {@code passgate.files.root}. Each
 * user's home is {@code /u/<user in lower case>}, where they have full access unless a
 * FILE profile says otherwise; everywhere else needs a FILE profile (READ to list or read,
 * UPDATE to change). {@code ..}, symbolic links and anything else that would leave the
 * root are refused. A file grows to at most {@code passgate.files.max-bytes} (in chunks, with
 * {@code "append":true}), a home to at most {@code passgate.files.quota-bytes}. Everything
 * the miner creates is owner-only, and a write replaces a file whole or not at all.
 */
public class FilesMiner extends Miner {

    /** The common limit of a name in Linux and macOS file systems, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** Leaves room for the root below the system's path limit (4096 on Linux, 1024 on macOS). */
    static final int MAX_PATH_BYTES = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FilesMiner.class);

    private final Path root;
    private final long maxBytes;
    private final HomeQuota quota;
    private final OwnerOnly create;
    private final AccessChecker access;
    private final LoginExits exits;
    private final ExportRules exports;
    /** Who asks: the miner's security environment and the session's client address (for the file-security exit). */
    private record Caller(SecurityEnvironment env, String address) {
    }

    public FilesMiner(Path root, long maxBytes, long quotaBytes, AccessChecker access, LoginExits exits,
            ExportRules exports) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.quota = new HomeQuota(this.root, quotaBytes);
        this.create = new OwnerOnly(this.root.getFileSystem());
        this.access = access;
        this.exits = exits;
        this.exports = exports;
    }

    /** The virtual home of a user. */
    public static String home(String user) {
        return "/u/" + user.toLowerCase(Locale.ROOT);
    }

    @Override
    protected Map<String, Object> handle(String verb, Request request, Session session, SecurityEnvironment env)
            throws IOException {
        String path = virtualPath(env.user(), request.requiredText("path"));
        Caller caller = new Caller(env, session.address());
        try {
            return switch (verb) {
                case "list" -> list(caller, path);
                case "read" -> read(caller, path);
                case "write" -> write(caller, path, request);
                case "delete" -> delete(caller, path);
                case "mkdir" -> mkdir(caller, path);
                default -> throw unknownVerb("files", verb);
            };
        } catch (InvalidPathException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the path is not valid on this server");
        } catch (FileSystemException e) {
            if (nameTooLong(e)) {
                // The root's own length, or a file system with shorter names than the checks assume.
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "path too long for this server's file system");
            }
            throw failed(verb, path, e);
        } catch (IOException e) {
            throw failed(verb, path, e);
        }
    }

    /**
     * A file-system failure the client did not cause (a full disk, a folder the operator
     * closed): one line for the operator, and no stack trace, which a client could
     * otherwise produce on demand.
     */
    private static ProtocolException failed(String verb, String path, IOException e) {
        LOG.warn("files.{} on {} failed: {}", verb, path, e.toString());
        return new ProtocolException(ErrorCode.SERVER_ERROR);
    }

    private static boolean nameTooLong(FileSystemException e) {
        return e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("name too long");
    }

    private Map<String, Object> list(Caller caller, String path) throws IOException {
        Path dir = real(caller, path, AccessLevel.READ);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(path);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path p : children.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    continue; // links are not part of the tree
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", p.getFileName().toString());
                e.put("type", a.isDirectory() ? "dir" : "file");
                e.put("size", a.isDirectory() ? 0 : a.size());
                e.put("modified", a.lastModifiedTime().toInstant().toString());
                entries.add(e);
            }
        }
        return Map.of("entries", entries);
    }

    private Map<String, Object> read(Caller caller, String path) throws IOException {
        Path file = real(caller, path, AccessLevel.READ);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(path);
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Map.of("content", text);
        } catch (CharacterCodingException binary) {
            return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private Map<String, Object> write(Caller caller, String path, Request request) throws IOException {
        byte[] bytes;
        if (request.text("content").isPresent()) {
            bytes = request.text("content").get().getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = Base64.getDecoder().decode(request.requiredText("base64"));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "field base64 is not valid base64");
            }
        }
        boolean append = request.flag("append");
        if (bytes.length > maxBytes) {
            throw tooBig();
        }
        Path file = real(caller, path, AccessLevel.UPDATE);
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(parentOf(path));
        }
        Optional<Path> home = quota.homeOf(file);
        ReentrantLock lock = quota.lockFor(home);
        lock.lock();
        try {
            BasicFileAttributes old = existing(file);
            if (old != null && !old.isRegularFile()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " is " + (old.isDirectory() ? "a directory" : "not a file"));
            }
            long oldSize = old == null ? 0 : old.size();
            if (append && oldSize + bytes.length > maxBytes) {
                throw tooBig();
            }
            quota.check(home, append ? 0 : oldSize, bytes.length);
            if (append && old != null) {
                appendTo(file, oldSize, bytes);
            } else {
                replace(file, bytes);
            }
        } finally {
            lock.unlock();
        }
        return Map.of();
    }

    private ProtocolException tooBig() {
        return new ProtocolException(ErrorCode.BAD_REQUEST, "a file may have at most " + maxBytes + " bytes");
    }

    private static BasicFileAttributes existing(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Readers see the old content or the new, never part of it: a complete file beside it is renamed over it. */
    private void replace(Path file, byte[] bytes) throws IOException {
        Path temp = create.createTempBeside(file);
        try {
            Files.write(temp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A chunk that cannot be written whole (a full disk) is cut off again, so the file keeps its old content. */
    private static void appendTo(Path file, long oldSize, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = oldSize;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            } catch (IOException e) {
                channel.truncate(oldSize);
                throw e;
            }
        }
    }

    private Map<String, Object> delete(Caller caller, String path) throws IOException {
        Path target = real(caller, path, AccessLevel.UPDATE);
        try {
            Files.delete(target);
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (DirectoryNotEmptyException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " is not empty");
        }
        return Map.of();
    }

    private Map<String, Object> mkdir(Caller caller, String path) throws IOException {
        Path dir = real(caller, path, AccessLevel.UPDATE);
        if (!Files.isDirectory(dir.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(parentOf(path));
        }
        try {
            create.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " already exists");
        }
        return Map.of();
    }

    /** Absolute, normalised virtual path; relative paths start at the home; {@code ..} is refused. */
    static String virtualPath(String user, String given) {
        String base = given.startsWith("/") ? "" : home(user);
        List<String> parts = new ArrayList<>();
        for (String part : (base + "/" + given).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") || part.indexOf('\0') >= 0 || part.indexOf('\\') >= 0) {
                throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "paths may not contain .. or leave the tree");
            }
            if (utf8Length(part) > MAX_NAME_BYTES) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "path too long: a name may have at most "
                        + MAX_NAME_BYTES + " bytes");
            }
            parts.add(part);
        }
        String path = "/" + String.join("/", parts);
        if (utf8Length(path) > MAX_PATH_BYTES) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "path too long: a path may have at most "
                    + MAX_PATH_BYTES + " bytes");
        }
        return path;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Checks access and maps the virtual path into the root, refusing any symbolic link on
     * the way (a link could lead out of the tree or around a FILE profile).
     */
    private Path real(Caller caller, String path, AccessLevel level) throws IOException {
        authorize(caller, path, level);
        ensureHome(caller.env().user());
        Path p = root;
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "symbolic links are not followed");
            }
        }
        if (!p.normalize().startsWith(root)) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "paths may not leave the tree");
        }
        return p;
    }

    /**
     * The security mode's order: the file-security exit first (if any); then, by mode, the
     * export rules and the FILE profiles. In mode none the exit alone decides.
     */
    private void authorize(Caller caller, String path, AccessLevel level) {
        SecurityEnvironment env = caller.env();
        if (exits.file(env.user(), caller.address(), path, level.name()).failed()) {
            throw new ProtocolException(ErrorCode.EXIT_REJECTED, "refused by the file-security exit");
        }
        SecurityMode mode = exits.mode();
        if (mode == SecurityMode.NONE) {
            return;
        }
        if (mode.exportRulesApply() && !exports.allows(env, path)) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "no export rule covers " + path);
        }
        if (!mode.registryChecksFiles()) {
            return;
        }
        String home = home(env.user());
        boolean inHome = path.equals(home) || path.startsWith(home + "/");
        AccessDecision d = access.check(env, "FILE", path, level);
        if (d.allowed() || (inHome && d.noProfile())) {
            return;
        }
        throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, level + " access to " + path + " is not allowed");
    }

    private void ensureHome(String user) throws IOException {
        Path home = root.resolve("u").resolve(user.toLowerCase(Locale.ROOT));
        if (!Files.isDirectory(home)) {
            create.createDirectories(home);
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static ProtocolException notFound(String path) {
        return new ProtocolException(ErrorCode.NOT_FOUND, path + " does not exist");
    }
}
