package dev.passgate.miner;

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

    public FilesMiner(Path root, long maxBytes, AccessChecker access) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.access = access;
    }

    /** The virtual home of a user. */
    public static String home(String user) {
        return "/u/" + user.toLowerCase(Locale.ROOT);
    }

    @Override
    protected Map<String, Object> handle(String verb, Request request, Session session, SecurityEnvironment env)
            throws IOException {
        String path = virtualPath(env.user(), request.requiredText("path"));
        return switch (verb) {
            case "list" -> list(env, path);
            case "read" -> read(env, path);
            case "write" -> write(env, path, request);
            case "delete" -> delete(env, path);
            case "mkdir" -> mkdir(env, path);
            default -> throw unknownVerb("files", verb);
        };
    }

    private Map<String, Object> list(SecurityEnvironment env, String path) throws IOException {
        Path dir = real(env, path, AccessLevel.READ);
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

    private Map<String, Object> read(SecurityEnvironment env, String path) throws IOException {
        Path file = real(env, path, AccessLevel.READ);
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

    private Map<String, Object> write(SecurityEnvironment env, String path, Request request) throws IOException {
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
        Path file = real(env, path, AccessLevel.UPDATE);
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(parentOf(path));
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " is a directory");
        }
        Files.write(file, bytes);
        return Map.of();
    }

    private Map<String, Object> delete(SecurityEnvironment env, String path) throws IOException {
        Path target = real(env, path, AccessLevel.UPDATE);
        try {
            Files.delete(target);
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (DirectoryNotEmptyException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, path + " is not empty");
        }
        return Map.of();
    }

    private Map<String, Object> mkdir(SecurityEnvironment env, String path) throws IOException {
        Path dir = real(env, path, AccessLevel.UPDATE);
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
    private Path real(SecurityEnvironment env, String path, AccessLevel level) throws IOException {
        authorize(env, path, level);
        ensureHome(env.user());
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

    private void authorize(SecurityEnvironment env, String path, AccessLevel level) {
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
