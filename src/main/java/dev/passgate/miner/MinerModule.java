package dev.passgate.miner;

import dev.passgate.exit.ExitSettings;
import dev.passgate.exit.ExportRules;
import dev.passgate.exit.LoginExits;
import dev.passgate.security.SecurityRegistry;
import org.apache.camel.BindToRegistry;

/**
 * The built-in miners, bound as {@code filesMiner} and {@code ticketsMiner} for their routes
 * ({@code direct:miner-files}, {@code direct:miner-tickets}); which of them a session starts is
 * {@code passgate.miners}. Stateless between requests, so no lifecycle of its own.
 */
public final class MinerModule {

    private final FilesSettings files;
    private final ExportRules exports;
    private final SecurityRegistry security;
    private final LoginExits exits;

    public MinerModule(FilesSettings files, ExitSettings exitSettings, SecurityRegistry security, LoginExits exits) {
        this.files = files;
        this.exports = ExportRules.load(exitSettings.exportsFile());
        this.security = security;
        this.exits = exits;
    }

    @BindToRegistry("filesMiner")
    public FilesMiner filesMiner() {
        return new FilesMiner(files.root(), files.maxBytes(), files.quotaBytes(), security.access(), exits, exports);
    }

    @BindToRegistry("ticketsMiner")
    public TicketsMiner ticketsMiner() {
        return new TicketsMiner(security.passTicketGenerator(), security.access());
    }
}
