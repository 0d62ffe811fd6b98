package dev.passgate.security.racf;

import java.util.List;

/**
 * One verb of the RACF command subset, as Apache FtpServer keeps one class per FTP command:
 * a new verb is a new class and a line in {@link RacfVerbs}, and touches no other verb.
 * The dispatcher checks a command against {@link #syntax()} before it calls {@link #run},
 * inside the transaction that commits the change together with its audit record, so a verb
 * only looks things up, refuses with a {@link RacfCommandException}, or changes the stores.
 */
interface RacfVerb {

    /** The operands the verb accepts and its help line, in one declaration. */
    RacfSyntax syntax();

    /** Carries out a command already checked against the syntax; returns the lines to show. */
    List<String> run(RacfCommand command, RacfStores stores);

    default String name() {
        return syntax().verb();
    }

    default String help() {
        return syntax().help();
    }
}
