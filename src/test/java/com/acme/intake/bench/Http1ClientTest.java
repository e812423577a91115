package com.acme.intake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark's HTTP client against a scripted server on a real socket. */
class Http1ClientTest {

    /** A request as the server read it. */
    record Seen(int connection, String requestLine, String body) {
    }

    /** Answers each request with what the script returns (raw bytes after the request), on real sockets. */
    static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final List<Seen> seen = new ArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        private final Thread thread;

        ScriptedServer(int requestsPerConnection, Function<Seen, String> script) throws IOException {
            thread = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        try (Socket s = socket.accept()) {
                            int connection = connections.incrementAndGet();
                            var in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                    StandardCharsets.ISO_8859_1));
                            OutputStream out = s.getOutputStream();
                            for (int i = 0; i < requestsPerConnection; i++) {
                                String requestLine = in.readLine();
                                if (requestLine == null) {
                                    break;
                                }
                                int length = 0;
                                for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                                        length = Integer.parseInt(h.substring(15).trim());
                                    }
                                }
                                char[] body = new char[length];
                                for (int read = 0; read < length; ) {
                                    read += in.read(body, read, length - read);
                                }
                                Seen seenNow = new Seen(connection, requestLine, new String(body));
                                synchronized (seen) {
                                    seen.add(seenNow);
                                }
                                out.write(script.apply(seenNow).getBytes(StandardCharsets.ISO_8859_1));
                                out.flush();
                            }
                        } // closes the connection after requestsPerConnection requests
                    }
                } catch (IOException e) {
                    // server socket closed: the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        String base() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    ScriptedServer server;
    Http1Client client;

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reads_sized_and_chunked_answers_on_one_kept_alive_connection() throws IOException {
        server = new ScriptedServer(10, seen -> seen.requestLine().startsWith("POST")
                ? "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4\r\n{\"id\r\n6;ext=1\r\n\": 7}\n\r\n0\r\nTrailer: x\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        client = new Http1Client(server.base());

        Http1Client.Response created = client.send("POST", "/api/requests", "Accept: application/json\r\n",
                "{\"title\": \"日本語\"}".getBytes(StandardCharsets.UTF_8));
        Http1Client.Response hello = client.send("GET", "/api/me", "", null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).isEqualTo("{\"id\": 7}\n");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.text()).isEqualTo("hello");
        assertThat(server.seen).extracting(Seen::requestLine)
                .containsExactly("POST /api/requests HTTP/1.1", "GET /api/me HTTP/1.1");
        assertThat(server.seen.get(0).body()).hasSize("{\"title\": \"日本語\"}".getBytes(StandardCharsets.UTF_8).length);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void a_connection_the_server_closed_while_idle_is_replaced_and_the_request_sent_once() throws IOException {
        server = new ScriptedServer(1, seen -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        client = new Http1Client(server.base());

        assertThat(client.send("GET", "/a", "", null).text()).isEqualTo("ok");
        assertThat(client.send("POST", "/b", "", "x".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("ok");

        assertThat(server.seen).extracting(Seen::requestLine).containsExactly("GET /a HTTP/1.1", "POST /b HTTP/1.1");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void connection_close_is_honoured() throws IOException {
        server = new ScriptedServer(10, seen -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        client = new Http1Client(server.base());

        client.send("GET", "/a", "", null);
        client.send("GET", "/b", "", null);

        assertThat(server.connections).hasValue(2);
    }

    @Test
    void an_answer_cut_short_is_an_error_not_a_retry() throws IOException {
        server = new ScriptedServer(1, seen -> "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
        client = new Http1Client(server.base());

        assertThatThrownBy(() -> client.send("GET", "/a", "", null)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed the connection");
        assertThat(server.seen).hasSize(1);
    }

    @Test
    void only_plain_http_is_supported() {
        assertThatThrownBy(() -> new Http1Client("https://127.0.0.1:8443/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only http://");
    }
}
