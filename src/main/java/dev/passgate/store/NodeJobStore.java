package dev.passgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.JobPersistenceException;
import org.quartz.SchedulerConfigException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's JDBC job store on one CamelContext's own DataSource, writing its rows under the
 * node's name rather than the scheduler's.
 *
 * <p>Stock Quartz finds its connections by name in {@link DBConnectionManager}, a JVM-wide map
 * that can add entries but not remove them (Quartz 2.5 has no remove; {@code shutdown(name)}
 * only tells the provider), so every install used to leave its pool there for the life of the
 * JVM. This store takes its connections straight from the DataSource its context handed it, so
 * a context puts nothing of its own into that map. Removing entries by reflection would work
 * too, but would reach into Quartz's private field and race its unsynchronised map.
 */
@SuppressWarnings("unchecked") // JobStoreTX's own raw-typed override of executeInLock, inherited
public class NodeJobStore extends JobStoreTX {

    /**
     * The one name every NodeJobStore gives Quartz as its data source. Quartz's shutdown asks
     * DBConnectionManager to shut it down and logs a stack trace when the name is unknown; this
     * entry only answers that call. It holds nothing of any context and is put once per JVM.
     */
    public static final String SHUTDOWN_ONLY = "passgate-shutdown-only";

    static {
        DBConnectionManager.getInstance().addConnectionProvider(SHUTDOWN_ONLY, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("PassGate's job stores take connections from their own context's store");
            }

            @Override
            public void shutdown() {
                // the pool belongs to PassGate's store, which closes it
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        });
    }

    /** Quartz's own logger name, so that logging set up for org.quartz still applies to its messages. */
    private static final Logger QUARTZ_LOG = LoggerFactory.getLogger(JobStoreTX.class);

    private volatile DataSource dataSource;
    private volatile String nodeName;

    public NodeJobStore() {
        setDataSource(SHUTDOWN_ONLY);
    }

    /** Set by the scheduler factory of the context, before Quartz initialises the store. */
    void use(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Quartz property {@code org.quartz.jobStore.nodeName}: the SCHED_NAME of this node's rows. */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    /**
     * Quartz hands its store the scheduler's name, which is unique per context so that Quartz's
     * JVM-wide scheduler repository never hands one context another's scheduler. The rows keep
     * the node's name, so that a restarted node (whatever its context is called) finds its own timers.
     */
    @Override
    public void setInstanceName(String schedulerName) {
        super.setInstanceName(nodeName != null ? nodeName : schedulerName);
    }

    @Override
    protected Logger getLog() {
        return QUARTZ_LOG;
    }

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        if (dataSource == null) {
            throw new SchedulerConfigException("NodeJobStore needs its context's DataSource (see QuartzStore)");
        }
        super.initialize(loadHelper, signaler);
    }

    /** As Quartz's own, from this context's DataSource instead of the JVM-wide manager. */
    @Override
    protected Connection getConnection() throws JobPersistenceException {
        Connection raw;
        try {
            raw = dataSource.getConnection();
        } catch (SQLException e) {
            throw new JobPersistenceException("no connection to PassGate's store: " + e.getMessage(), e);
        }
        // Restores what Quartz changes (auto-commit) before the connection goes back to the pool.
        Connection conn = getAttributeRestoringConnection(raw);
        try {
            if (!isDontSetAutoCommitFalse()) {
                conn.setAutoCommit(false);
            }
            if (isTxIsolationLevelSerializable()) {
                conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
        } catch (SQLException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new JobPersistenceException("cannot set up a connection to PassGate's store: " + e.getMessage(), e);
        }
        return conn;
    }
}
