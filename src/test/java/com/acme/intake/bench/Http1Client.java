package com.acme.intake.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The smallest HTTP/1.1 client the benchmark needs: one keep-alive connection per client thread,
 * blocking reads, a request written in one buffer. The JDK's {@code HttpClient} hands each exchange
 * through its selector thread and futures, and that cost lands on the two cores the server shares
 * with the benchmark; this one costs a fraction of it (see {@link CpuMeter}'s figures in the output).
 */
final class Http1Client implements AutoCloseable {

    /** A response: its status and body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    Http1Client(String base) {
        URI uri = URI.create(base);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// is supported, not " + base);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /**
     * Sends one request on this thread's connection (opened, or reopened after the server closed it).
     * A kept-alive connection the server closed while it was idle fails before any answer arrives:
     * then the request is sent once more, on a new connection.
     */
    Response send(String method, String path, String headers, byte[] body) throws IOException {
        Connection c = connections.get();
        boolean reused = c != null;
        try {
            return exchange(c == null ? connect() : c, method, path, headers, body);
        } catch (StaleConnection e) {
            if (!reused) {
                throw e;
            }
            return exchange(connect(), method, path, headers, body);
        }
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        Connection c = new Connection(socket);
        connections.set(c);
        open.add(c);
        return c;
    }

    private Response exchange(Connection c, String method, String path, String headers, byte[] body)
            throws IOException {
        try {
            Response r = c.exchange(method, path, host + ":" + port, headers, body);
            if (c.closeAfter) {
                drop(c);
            }
            return r;
        } catch (IOException e) {
            drop(c);
            throw e;
        }
    }

    private void drop(Connection c) {
        connections.remove();
        open.remove(c);
        c.close();
    }

    @Override
    public void close() {
        open.forEach(Connection::close);
        open.clear();
    }

    /**
     * The connection failed before any byte of an answer: on a kept-alive connection, the server
     * closed it while idle and never read the request (a server that died in the middle of the
     * request would look the same; the benchmark's server does not).
     */
    private static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super("the connection failed before an answer: " + cause.getMessage(), cause);
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean closeAfter;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response exchange(String method, String path, String hostHeader, String headers, byte[] body)
                throws IOException {
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n").append(headers);
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            int first;
            try {
                out.flush();
                first = in.read();
            } catch (IOException e) {
                throw new StaleConnection(e);
            }
            if (first < 0) {
                throw new StaleConnection(new EOFException("closed by the server"));
            }
            String status = (char) first + line();
            if (!status.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closeAfter = status.startsWith("HTTP/1.0");
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(chunkSize(line()), 16); size > 0;
                     size = Long.parseLong(chunkSize(line()), 16)) {
                    copy(size, content);
                    line(); // the CRLF after the chunk
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length >= 0) {
                copy(length, content);
            } else if (!"HEAD".equals(method) && code != 204 && code != 304) {
                in.transferTo(content); // delimited by the connection's end
                closeAfter = true;
            }
            return new Response(code, content.toByteArray());
        }

        private static String chunkSize(String line) {
            int semicolon = line.indexOf(';');
            return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    throw new EOFException("the server closed the connection within a response");
                }
                to.write(buffer, 0, read);
                n -= read;
            }
        }

        /** One header line, without its CRLF. */
        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
