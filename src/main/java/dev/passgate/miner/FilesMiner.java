package dev.passgate.miner;

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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code files.*}: one tree whose root {@code /} is {@code passgate.files.root}. Each
 * user's home is {@code /u/<user in lower case>}, where they have full access unless a
 * FILE profile says otherwise; everywhere else needs a FILE profile (READ to list or read,
 * UPDATE to change). {@code ..}, symbolic links and anything else that would leave the
 * root are refused, and writes are limited to {@code passgate.files.max-bytes}.
 */
public class FilesMiner extends Miner {

    private final Path root;
    private final long maxBytes;
    private final AccessChecker access;
    private final LoginExits exits;
    private final ExportRules exports;
    /** Who asks: the miner's security environment and the session's client address (for the file-security exit). */
    private record Caller(SecurityEnvironment env, String address) {
    }

    public FilesMiner(Path root, long maxBytes, AccessChecker access, LoginExits exits, ExportRules exports) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
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
        return switch (verb) {
            case "list" -> list(caller, path);
            case "read" -> read(caller, path);
            case "write" -> write(caller, path, request);
            case "delete" -> delete(caller, path);
            case "mkdir" -> mkdir(caller, path);
            default -> throw unknownVerb("files", verb);
        };
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
        if (bytes.length > maxBytes) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a file may have at most " + maxBytes + " bytes");
        }
        Path file = real(caller, path, AccessLevel.UPDATE);
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(parentOf(path));
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " is a directory");
        }
        Files.write(file, bytes);
        return Map.of();
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
            Files.createDirectory(dir);
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
            parts.add(part);
        }
        return "/" + String.join("/", parts);
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
            Files.createDirectories(home);
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
