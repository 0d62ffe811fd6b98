package dev.passgate.security;

import dev.passgate.passticket.JdbcReplayStore;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketEvents;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.security.racf.RacfCommandProcessor;
import dev.passgate.store.ClusterMessages;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The security registry assembled: stores, verify, access checks, PassTicket definitions
 * from PTKTDATA profiles (with any extra resolvers, e.g. configuration, asked after them),
 * the RACF commands and the audit log. One per PassGate node.
 */
public final class SecurityRegistry implements AutoCloseable {

    /**
     * How long profiles read from the database are trusted before being read again; RACF
     * commands on this node take effect at once, other nodes' changes within this time.
     */
    public static final long PROFILE_CACHE_MILLIS = 5_000;

    private final UserStore users;
    private final GroupStore groups;
    private final ProfileStore profiles;
    private final SecurityOptions options;
    private final AuditLog audit;
    private final AccessChecker access;
    private final RegistryDefinitionResolver registryResolver;
    private final PassTicketDefinitionResolver resolver;
    private final PassTicketGenerator generator;
    private final PassTicketEvaluator evaluator;
    private final JdbcReplayStore replayStore;
    private final Verifier verifier;
    private final RacfCommandProcessor commands;
    private final PasswordHasher hasher;
    private final SecretBox box;
    private final Clock clock;
    private final DataSource dataSource;
    private final ClusterMessages cluster;
    private final String systemName;
    private final Jdbc jdbc;

    /** The message that has another node of the store drop its cached profiles and PTKTDATA keys. */
    public enum CacheMessage {
        FLUSH_CACHES
    }

    /** How long a node waits, at most, before it looks for messages it was not woken for. */
    private static final java.time.Duration CLUSTER_POLL = java.time.Duration.ofSeconds(1);

    /**
     * @param fallbackResolvers asked for PassTicket definitions the registry does not have
     * @param systemName        this node's system name, for the unsafe-APPLID warnings and the audit records it writes
     */
    public SecurityRegistry(DataSource dataSource, byte[] masterKey, int passwordIterations, Clock clock,
            String systemName, List<PassTicketDefinitionResolver> fallbackResolvers) {
        this(dataSource, masterKey, passwordIterations, clock, systemName, fallbackResolvers, true);
    }

    /** @param durableAcks {@code passgate.store.durable-acks}: false only to measure what durability costs */
    public SecurityRegistry(DataSource dataSource, byte[] masterKey, int passwordIterations, Clock clock,
            String systemName, List<PassTicketDefinitionResolver> fallbackResolvers, boolean durableAcks) {
        Jdbc jdbc = new Jdbc(dataSource);
        this.jdbc = jdbc;
        this.systemName = systemName;
        this.dataSource = dataSource;
        this.clock = clock;
        this.box = new SecretBox(masterKey);
        this.hasher = new PasswordHasher(passwordIterations);
        this.users = new UserStore(jdbc);
        users.passwordRecords().forEach(hasher::expect); // read once: what this node writes later uses its own setting, which checks cost anyway
        this.groups = new GroupStore(jdbc);
        this.profiles = new ProfileStore(jdbc);
        this.options = new SecurityOptions(jdbc, clock, PROFILE_CACHE_MILLIS);
        this.audit = new AuditLog(dataSource, clock, systemName, durableAcks);
        ProfileCache profileCache = new ProfileCache(profiles, clock, PROFILE_CACHE_MILLIS);
        this.access = new AccessChecker(profileCache);
        this.registryResolver = new RegistryDefinitionResolver(profiles, box, clock, PROFILE_CACHE_MILLIS);
        List<PassTicketDefinitionResolver> chain = new ArrayList<>();
        chain.add(registryResolver);
        chain.addAll(fallbackResolvers);
        this.resolver = new CompositeDefinitionResolver(chain);
        PassTicketEvents audited = new AuditedPassTicketEvents(audit);
        this.generator = new PassTicketGenerator(resolver, clock, audited);
        this.replayStore = new JdbcReplayStore(dataSource);
        this.evaluator = new PassTicketEvaluator(resolver, replayStore, clock, audited);
        this.verifier = new Verifier(users, options, hasher, evaluator, box, audit, clock);
        Runnable flush = () -> {
            registryResolver.invalidate();
            profileCache.invalidate();
            options.invalidate();
        };
        this.cluster = new ClusterMessages(dataSource, systemName, CLUSTER_POLL);
        cluster.on(CacheMessage.FLUSH_CACHES.name(), m -> flush.run());
        // Whatever was said while this node could not hear: it starts again from the store.
        cluster.onListening(flush);
        this.commands = new RacfCommandProcessor(jdbc, hasher, box, audit, clock, systemName, () -> {
            flush.run();
            tellOtherNodes();
        });
    }

    /** A change here is a change for every node of the store: each drops what it cached, within a second. */
    private void tellOtherNodes() {
        for (String node : jdbc.query("SELECT name FROM passgate_node WHERE name <> ?", rs -> rs.getString(1), systemName)) {
            cluster.send(node, CacheMessage.FLUSH_CACHES.name(), "");
        }
    }

    /**
     * Messages between the nodes of the store: this node hears its own once {@code start()}ed (the
     * running daemon does; a command-line process only sends).
     */
    public ClusterMessages cluster() {
        return cluster;
    }

    /** The store the registry lives in, for the parts of PassGate that keep their own tables beside it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Seals secrets the product keeps beside the registry (the cluster's UTOKEN key) under the master key. */
    public SecretBox secretBox() {
        return box;
    }

    public Verifier verifier() {
        return verifier;
    }

    public AccessChecker access() {
        return access;
    }

    public RacfCommandProcessor commands() {
        return commands;
    }

    public AuditLog audit() {
        return audit;
    }

    public PassTicketDefinitionResolver passTicketDefinitions() {
        return resolver;
    }

    public PassTicketGenerator passTicketGenerator() {
        return generator;
    }

    public PassTicketEvaluator passTicketEvaluator() {
        return evaluator;
    }

    /**
     * The environments of sessions at the APPLID: PassGate's own tickets, not audited one by one
     * but in one record per connect (see {@link PassTicketEnvironments}); same definitions and
     * replay records as every other ticket.
     */
    public PassTicketEnvironments sessionEnvironments(String applid) {
        return new PassTicketEnvironments(generator, verifier, applid, new PassTicketEnvironments.OwnTickets(
                new PassTicketGenerator(resolver, clock), new PassTicketEvaluator(resolver, replayStore, clock), audit));
    }

    public UserStore users() {
        return users;
    }

    public GroupStore groups() {
        return groups;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public SecurityOptions options() {
        return options;
    }

    /** Writes the audit records still queued; call before closing the database. */
    @Override
    public void close() {
        cluster.close();
        audit.close();
    }

    PasswordHasher hasher() {
        return hasher;
    }

    SecretBox box() {
        return box;
    }

    Clock clock() {
        return clock;
    }
}
