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
 * <p>
 * It can also lose one message the server pushes over the WebSocket ({@link #loseNextServerMessage()}),
 * as a flaky network or a proxy can: Vaadin's client then waits for it, gives up and resynchronises
 * its whole UI (it re-creates the elements).
 */
final class Offline implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean online = true;
    private final java.util.concurrent.atomic.AtomicBoolean loseNext = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();

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

    /** The next UIDL message (one with a {@code syncId}) the server sends over a WebSocket is dropped. */
    void loseNextServerMessage() {
        loseNext.set(true);
    }

    /** How many server messages were dropped. */
    int lostMessages() {
        return lost.get();
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
                pipe(client, upstream, false);
                pipe(upstream, client, true);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromServer) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                if (fromServer && upgradedToWebSocket(in, out)) {
                    copyFrames(in, out);
                    return;
                }
                if (!fromServer) {
                    forwardWithoutCompression(in, out);
                }
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

    /**
     * Forwards the browser's first request header without {@code Sec-WebSocket-Extensions}, so that
     * a WebSocket is not compressed (permessage-deflate) and the proxy can read the server's messages.
     */
    private static void forwardWithoutCompression(InputStream in, OutputStream out) throws IOException {
        byte[] header = readHeader(in);
        String text = new String(header, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-extensions:")) {
                kept.append(line).append("\r\n");
            }
        }
        kept.setLength(Math.max(0, kept.length() - 2));
        out.write(kept.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static byte[] readHeader(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) >= 0) {
            header.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return header.toByteArray();
    }

    /** Forwards the server's first response header; true if it switched the connection to WebSocket. */
    private static boolean upgradedToWebSocket(InputStream in, OutputStream out) throws IOException {
        byte[] header = readHeader(in);
        out.write(header);
        out.flush();
        String status = new String(header, java.nio.charset.StandardCharsets.ISO_8859_1);
        return status.startsWith("HTTP/1.1 101");
    }

    /** Forwards WebSocket frames (server to client: unmasked), dropping one UIDL message when asked. */
    private void copyFrames(InputStream in, OutputStream out) throws IOException {
        java.io.DataInputStream data = new java.io.DataInputStream(in);
        while (true) {
            int b0 = data.read();
            if (b0 < 0) {
                return;
            }
            int b1 = data.readUnsignedByte();
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
            frame.write(b0);
            frame.write(b1);
            long length = b1 & 0x7f;
            if (length == 126) {
                int l = data.readUnsignedShort();
                frame.write(l >> 8);
                frame.write(l & 0xff);
                length = l;
            } else if (length == 127) {
                long l = data.readLong();
                for (int i = 7; i >= 0; i--) {
                    frame.write((int) (l >> (8 * i)) & 0xff);
                }
                length = l;
            }
            byte[] mask = new byte[(b1 & 0x80) != 0 ? 4 : 0];
            data.readFully(mask);
            frame.write(mask);
            byte[] payload = new byte[(int) length];
            data.readFully(payload);
            frame.write(payload);
            boolean uidl = mask.length == 0 && new String(payload, java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"syncId\"");
            if (uidl && loseNext.compareAndSet(true, false)) {
                lost.incrementAndGet();
                continue;
            }
            out.write(frame.toByteArray());
            out.flush();
        }
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
