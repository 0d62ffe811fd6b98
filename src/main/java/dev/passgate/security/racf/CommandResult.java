package dev.passgate.security.racf;

import java.util.List;

/** What a command answered: RACF-style return code (0 done, 8 refused, 12 not understood) and output lines. */
public record CommandResult(int returnCode, List<String> lines) {

    public boolean ok() {
        return returnCode == 0;
    }
}
