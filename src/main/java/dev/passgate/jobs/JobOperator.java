package dev.passgate.jobs;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketDefinitionResolver;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.passticket.RacfName;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.racf.CommandResult;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;

/**
 * What the operator's verbs do with jobs: {@code DISPLAY JOBS[,OWNER=]}, {@code CANCEL JOB=}
 * and {@code IVP JOBS}. The verbs find it in the context's registry, so the operator interface
 * needs no part of the jobs module to be built.
 */
public final class JobOperator {

    public static final String BEAN = "passGateJobOperator";

    private final JobMonitor monitor;
    private final PassTicketDefinitionResolver definitions;
    private final PassTicketGenerator generator;
    private final PassTicketEvaluator evaluator;
    private final String applid;
    private final String daemonApplid;
    private final IntSupplier port;

    JobOperator(JobMonitor monitor, PassTicketDefinitionResolver definitions, PassTicketGenerator generator,
            PassTicketEvaluator evaluator, String applid, String daemonApplid, IntSupplier port) {
        this.monitor = monitor;
        this.definitions = definitions;
        this.generator = generator;
        this.evaluator = evaluator;
        this.applid = applid;
        this.daemonApplid = daemonApplid;
        this.port = port;
    }

    /** The context's job operator, when the jobs module is installed. */
    public static Optional<JobOperator> of(CamelContext context) {
        return Optional.ofNullable(context.getRegistry().lookupByNameAndType(BEAN, JobOperator.class));
    }

    public CommandResult display(String owner) {
        String o = null;
        if (owner != null) {
            try {
                o = RacfName.normalize(owner, "owner");
            } catch (IllegalArgumentException e) {
                return new CommandResult(8, List.of(e.getMessage()));
            }
        }
        List<Job> jobs = monitor.store().list(new JobStore.Filter(o, null, null, JobMonitor.LIST_MAX));
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-8s %-8s %-8s %-9s %-4s %s", "JOB", "OWNER", "TEMPLATE", "STATE", "RC",
                "SUBMITTED"));
        for (Job j : jobs) {
            out.add(String.format(Locale.ROOT, "%-8s %-8s %-8s %-9s %-4s %s", j.id(), j.owner(), j.name(),
                    j.state(), j.rc() == null ? "-" : j.rc(), j.submittedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        out.add(jobs.size() + " jobs");
        return new CommandResult(0, out);
    }

    public CommandResult cancel(String id, String actor) {
        Optional<Job> j = monitor.store().find(id.toUpperCase(Locale.ROOT));
        if (j.isEmpty()) {
            return new CommandResult(8, List.of("no job " + id.toUpperCase(Locale.ROOT)));
        }
        try {
            monitor.cancel(j.get(), actor);
        } catch (ProtocolException e) {
            return new CommandResult(8, List.of(e.getMessage()));
        }
        return new CommandResult(0, List.of("job " + j.get().id() + " cancelled"));
    }

    /** As IVP PASSTICKET, for the job monitor's APPLID, and whether it is the daemon's. */
    public CommandResult ivp() {
        List<String> out = new ArrayList<>();
        int p = port.getAsInt();
        out.add("job monitor port ... " + (p == 0 ? "off (passgate.jobs.port=0)" : p));
        if (applid.equals(daemonApplid)) {
            out.add("APPLID " + applid + " ... shared with the daemon");
        } else {
            out.add("APPLID " + applid + " ... DIFFERS from the daemon's " + daemonApplid + ": clients must ask"
                    + " tickets.generate for " + applid + " (PERMIT IRRPTAUTH." + applid + ".* CLASS(PTKTDATA) ID(...)"
                    + " ACCESS(UPDATE)), or remove passgate.jobs.applid to share " + daemonApplid);
        }
        Optional<PassTicketDefinition> d = definitions.forGeneration(applid);
        if (d.isEmpty()) {
            return fail(out, "PTKTDATA profile " + applid + " ... MISSING: RDEFINE PTKTDATA " + applid
                    + " SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        out.add("PTKTDATA profile " + applid + " ... found");
        if (!d.get().hasKey()) {
            return fail(out, "key ... MISSING: RALTER PTKTDATA " + applid + " SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        out.add("key ... " + (d.get().hasEnhancedKey() ? "enhanced" : "legacy") + " key defined");
        out.add("replay protection ... " + (d.get().replayBypassed() ? "bypassed" : "on (each ticket logs on once)"));
        String user = SecurityBootstrap.SERVICE_USER;
        String ticket = generator.generate(user, applid).ticket();
        out.add("generate for " + user + " ... ok");
        Evaluation e = evaluator.evaluate(user, applid, ticket);
        if (!e.valid()) {
            return fail(out, "evaluate ... FAILED: " + e.outcome().reason());
        }
        out.add("evaluate ... ok");
        List<String> names = monitor.templates().names();
        out.add("job templates ... " + (names.isEmpty() ? "none (route templates job.<NAME> in config/routes)"
                : String.join(", ", names)));
        out.add("IVP JOBS for " + applid + " passed");
        return new CommandResult(0, out);
    }

    private static CommandResult fail(List<String> out, String line) {
        out.add(line);
        out.add("IVP JOBS failed");
        return new CommandResult(8, out);
    }
}
