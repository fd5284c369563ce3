package org.issa.tcw.documents.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network cable for one browser: a TCP proxy on 127.0.0.1 in front of the application. Pulling
 * it ({@link #goOffline()}) closes every open connection, the push WebSocket included, and refuses
 * new ones until {@link #goOnline()} — which DevTools' network emulation does not do for an open
 * WebSocket.
 */
final class Offline implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean online = true;

    Offline(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "offline-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The application's address through this cable. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    void goOffline() {
        online = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    void goOnline() {
        online = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!online) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the cable was pulled
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "offline-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        goOffline();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
