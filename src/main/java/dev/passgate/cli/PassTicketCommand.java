package dev.passgate.cli;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.passticket.PassTicketType;
import dev.passgate.passticket.RacfName;
import dev.passgate.passticket.ReplayStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code passgate passticket generate|evaluate}: the algorithms with a key given on the command
 * line, no database. Meant for checking a definition against z/OS or another node.
 */
@Command(name = "passticket", description = "Generate or evaluate a PassTicket with a given key.",
        mixinStandardHelpOptions = true,
        subcommands = {PassTicketCommand.Generate.class, PassTicketCommand.Evaluate.class})
final class PassTicketCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands share. */
    static final class Common {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--user", required = true, description = "User ID (1-8 of A-Z 0-9 @ # $).")
        String user;

        @Option(names = "--applid", required = true, description = "Application ID (1-8 of A-Z 0-9 @ # $).")
        String applid;

        @Option(names = "--key", required = true, description = "Key in hex: 16 digits (legacy) or 64-512 (enhanced).")
        String key;

        @Option(names = "--type", description = "legacy, upper or mixed (default: legacy for a 16-digit key, else mixed).")
        String type;

        @Option(names = "--time", description = "Epoch seconds to generate at / evaluate against (default: now).")
        Long time;

        long now() {
            return time != null ? time : Instant.now().getEpochSecond();
        }

        /** The definition the options describe; any problem is a one-line usage error. */
        PassTicketDefinition definition(int timeout) {
            try {
                String u = RacfName.normalize(user, "user ID");
                String a = RacfName.normalize(applid, "APPLID");
                user = u;
                applid = a;
                String hex = key.trim();
                if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new IllegalArgumentException("--key must be hexadecimal digits only");
                }
                if (type == null && hex.length() != 16 && (hex.length() < 64 || hex.length() > 512 || hex.length() % 2 != 0)) {
                    throw new IllegalArgumentException("--key has " + hex.length() + " hexadecimal digits: a legacy key"
                            + " has 16, an enhanced key an even number from 64 to 512");
                }
                PassTicketType t = type != null ? PassTicketType.parse(type)
                        : hex.length() == 16 ? PassTicketType.LEGACY : PassTicketType.MIXED;
                if (t == PassTicketType.LEGACY) {
                    return new PassTicketDefinition(a, PassTicketKey.legacyHex(hex), null, null, timeout, false, null);
                }
                return new PassTicketDefinition(a, null, PassTicketKey.enhancedHex(hex), t, timeout, false, null);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        Clock clock() {
            return Clock.fixed(Instant.ofEpochSecond(now()), ZoneOffset.UTC);
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Print the ticket alone on stdout.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() {
            PassTicketDefinition definition = common.definition(PassTicketDefinition.DEFAULT_TIMEOUT_SECONDS);
            long now = common.now();
            if (now < 0 || (definition.hasLegacyKey() && now > 0xFFFF_FFFFL)) {
                throw new ParameterException(common.spec.commandLine(), "--time " + now + " is outside what the algorithm covers");
            }
            var generator = new PassTicketGenerator(name -> Optional.of(definition), common.clock());
            common.spec.commandLine().getOut().println(generator.generate(common.user, common.applid, now).ticket());
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Print the ticket's generation time (exit 0), or why it is not valid (exit 1).")
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--ticket", required = true, description = "The 8-character ticket.")
        String ticket;

        @Option(names = "--timeout", defaultValue = "60",
                description = "Enhanced tickets' window either side of --time, 1-600 seconds (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Override
        public Integer call() {
            if (timeout < 1 || timeout > 600) {
                throw new ParameterException(common.spec.commandLine(), "--timeout must be 1 to 600 seconds");
            }
            PassTicketDefinition definition = common.definition(timeout);
            var evaluator = new PassTicketEvaluator(name -> Optional.of(definition), ReplayStore.NONE, common.clock());
            Evaluation e = evaluator.evaluate(common.user, common.applid, ticket);
            if (e.valid()) {
                common.spec.commandLine().getOut().println(e.generationTime());
                return 0;
            }
            common.spec.commandLine().getOut().println("not valid: " + e.outcome().reason());
            return 1;
        }
    }
}
