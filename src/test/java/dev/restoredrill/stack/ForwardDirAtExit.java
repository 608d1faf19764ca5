package dev.restoredrill.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@link SshForwardTest}: a JVM that makes a forward's dir, leaves in it what a dead ssh leaves (its stderr, the
 * socket's path), prints {@code DIR <path>} and ends without closing anything, as a drill's JVM does.
 */
public final class ForwardDirAtExit {

    private ForwardDirAtExit() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = SshForward.privateDir();
        Files.writeString(dir.resolve(SshForward.STDERR), "client_loop: send disconnect: Broken pipe\n");
        Files.createFile(dir.resolve(SshForward.SOCKET));
        System.out.println("DIR " + dir);
    }
}
