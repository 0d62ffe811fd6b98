package dev.passgate.admin.command;

import dev.passgate.partner.PartnerConnection;
import dev.passgate.security.racf.CommandResult;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Like z/OS NETSTAT ALL: each connection's sockets, state and owners, with the
 * TcpClusterConnFlag (80 asked, then the routing bits) and TcpTrustedPartner fields; the
 * latter's bits (08 user ID, 04 UTOKEN retrieved, 02 set issued) show in the high nibble, as
 * z/OS shows them: E0 is all three. Tests and tools parse these lines: keep their layout.
 */
final class NetstatCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("ALL", Pattern.CASE_INSENSITIVE);

    @Override
    public String verb() {
        return "NETSTAT";
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "ALL";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        List<String> out = new ArrayList<>();
        List<PartnerConnection> all = s.connections().all();
        for (PartnerConnection c : all) {
            out.add("Client Name: " + c.owner() + (c.user() != null ? "  User: " + c.user() : "") + "  (" + c.kind() + ")"
                    + "  Client Id: " + String.format("%08X", c.id()));
            out.add("  Local Socket:   " + c.local().getAddress().getHostAddress() + ".." + c.local().getPort());
            out.add("  Foreign Socket: " + c.remote().getAddress().getHostAddress() + ".." + c.remote().getPort());
            out.add("  TcpState: Establsh   Since: " + c.since().truncatedTo(ChronoUnit.SECONDS));
            out.add(String.format("  TcpClusterConnFlag: %02X   TcpTrustedPartner: %02X", c.clusterConnFlag(),
                    (c.trustedPartner() << 4) & 0xFF));
        }
        out.add(all.size() + " connections");
        return OperatorCommand.done(out);
    }
}
