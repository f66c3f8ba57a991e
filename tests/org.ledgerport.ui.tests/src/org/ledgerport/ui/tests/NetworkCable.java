package org.ledgerport.ui.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network cable between the workstation and a simulator, to pull and plug in again: an address on 127.0.0.1
 * that passes every connection on to the simulator while plugged in, and refuses connections (and cuts those
 * open) while unplugged, as when the network or the vendor is down.
 */
final class NetworkCable implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private NetworkCable(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A cable, plugged in, to the server at the address (http://host:port). */
    static NetworkCable to(URI server) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NetworkCable cable = new NetworkCable(new InetSocketAddress(server.getHost(), server.getPort()), port);
        cable.plugIn();
        return cable;
    }

    /** Where the workstation reaches the server through the cable. */
    URI address() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void plugIn() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread.ofVirtual().name("network cable " + port).start(() -> accept(socket));
    }

    synchronized void unplug() throws IOException {
        if (listener == null) {
            return;
        }
        listener.close();
        listener = null;
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                return; // unplugged
            }
        }
    }

    /** Copies one direction; when either end closes, the connection is over both ways. */
    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // cut by unplug() or by an end hanging up
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        unplug();
    }
}
