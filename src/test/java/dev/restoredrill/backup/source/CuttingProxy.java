package dev.restoredrill.backup.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP relay to a real server that, once armed, drops the first connection whose answer passes a
 * byte count: a download cut in the middle, as a flaky link or a restarted proxy does it. Only the first
 * cut happens; later connections are relayed whole.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final long cutAfterBytes;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean cut = new AtomicBoolean();

    CuttingProxy(String targetHost, int targetPort, long cutAfterBytes) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.cutAfterBytes = cutAfterBytes;
        Thread accept = new Thread(this::accept, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void arm() {
        armed.set(true);
    }

    boolean hasCut() {
        return cut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, false);
                pump(upstream.getInputStream(), client.getOutputStream(), client, upstream, true);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, Socket client, Socket upstream, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long relayed = 0;
            try (client; upstream) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (answers && armed.get() && !cut.get() && relayed + n > cutAfterBytes) {
                        out.write(buffer, 0, (int) (cutAfterBytes - relayed));
                        out.flush();
                        cut.set(true);
                        return; // closes both sockets mid-answer
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    relayed += n;
                }
            } catch (IOException closed) {
                // the other side went away
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
