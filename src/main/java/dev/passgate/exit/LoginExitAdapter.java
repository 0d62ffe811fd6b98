package dev.passgate.exit;

/** A {@link LoginExit} that lets everything pass (FtpServer's DefaultFtplet): extend it and override what you need. */
public class LoginExitAdapter implements LoginExit {

    @Override
    public Object init(ExitContext context) throws Exception {
        return null;
    }

    @Override
    public ExitResult newSession(ExitEvent event) throws Exception {
        return ExitResult.CONTINUE;
    }

    @Override
    public ExitResult login(ExitEvent event) throws Exception {
        return ExitResult.CONTINUE;
    }

    @Override
    public void afterLogin(ExitEvent event) throws Exception {
    }

    @Override
    public void logout(ExitEvent event) throws Exception {
    }

    @Override
    public ExitResult file(ExitEvent event) throws Exception {
        return ExitResult.CONTINUE;
    }

    @Override
    public void termination(ExitEvent event) throws Exception {
    }
}
