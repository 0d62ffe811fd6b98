package dev.passgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;

/**
 * The nearest peer doing the same dance: Apache FtpServer with commons-net clients.
 * Its cycle is connect, USER/PASS (clear text), PASV, LIST, QUIT: a logon on one
 * connection followed by a second connection handed out by the server.
 */
final class FtpPeer implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "Bench1";

    final FtpServer server;
    final int port;

    FtpPeer() throws Exception {
        Path home = Files.createTempDirectory("ftp-bench");
        Files.writeString(home.resolve("a.txt"), "x");
        Path users = Files.createTempFile("ftp-users", ".properties");
        PropertiesUserManagerFactory umf = new PropertiesUserManagerFactory();
        umf.setFile(users.toFile());
        umf.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        var userManager = umf.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new ConcurrentLoginPermission(0, 0)));
        userManager.save(user);

        FtpServerFactory factory = new FtpServerFactory();
        factory.setUserManager(userManager);
        var connectionConfig = new org.apache.ftpserver.ConnectionConfigFactory();
        connectionConfig.setMaxLogins(0);
        connectionConfig.setMaxAnonymousLogins(0);
        connectionConfig.setMaxThreads(0);
        factory.setConnectionConfig(connectionConfig.createConnectionConfig());
        ListenerFactory listener = new ListenerFactory();
        port = BenchServer.freePort();
        listener.setPort(port);
        listener.setServerAddress("127.0.0.1");
        factory.addListener("default", listener.createListener());
        server = factory.createServer();
        server.start();
    }

    static void cycle(int port) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", port);
        try {
            if (!ftp.login(USER, PASSWORD)) {
                throw new IOException("FTP login failed: " + ftp.getReplyString());
            }
            ftp.enterLocalPassiveMode();
            if (ftp.listFiles().length != 1) {
                throw new IOException("FTP LIST failed: " + ftp.getReplyString());
            }
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
