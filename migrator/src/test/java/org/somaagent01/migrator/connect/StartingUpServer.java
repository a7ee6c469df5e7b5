package org.somaagent01.migrator.connect;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Answers one connection the way PostgreSQL does while it is still recovering: refuse SSL, read the startup
 * message, send ErrorResponse 57P03 "the database system is starting up", hang up.
 */
final class StartingUpServer implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket server;

    StartingUpServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(this::answerOnce, "starting-up-server");
        t.setDaemon(true);
        t.start();
    }

    private void answerOnce() {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                int code = (body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | (body[3] & 0xff);
                if (code != SSL_REQUEST && code != GSSENC_REQUEST) break;
                out.write('N');
                out.flush();
            }
            byte[] fields = "SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0".getBytes(StandardCharsets.US_ASCII);
            out.write('E');
            out.write(new byte[] {0, 0, (byte) ((fields.length + 4) >> 8), (byte) (fields.length + 4)});
            out.write(fields);
            out.flush();
        } catch (IOException closed) {
            // closed by the test or the client: nothing more to answer
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort in test cleanup
        }
    }
}
