package dev.passgate.admin.command;

import dev.passgate.admin.ClusterOperator;
import dev.passgate.admin.InstallationChecks;
import dev.passgate.admin.PartnerChecks;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.AuditLog;
import dev.passgate.session.SessionRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;

/**
 * What the operator's commands act on, handed to every command the way FtpServer hands each
 * command its server context: the commands stay stateless, so the one list of verbs needs no
 * running daemon (the CLI asks it whether a text is an operator command).
 */
public record OperatorServices(SessionRegistry sessions, ThreadPoolSelector pools, ProducerTemplate template,
        JsonLines lines, Clock clock, InstallationChecks ivp, ConnectionRegistry connections,
        PartnerChecks partnerChecks, AuditLog audit, ClusterOperator cluster) {
}
