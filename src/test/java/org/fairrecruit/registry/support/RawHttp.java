package org.fairrecruit.registry.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: any method, raw bytes
 * in the request line (invalid UTF-8, NUL), any header, any body. One request per connection.
 */
public final class RawHttp {
    /** A response as received: status, headers (names lower case, last value wins), body text. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;

    public RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
    public Response send(byte[] head, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (java.net.SocketException refusedMidway) {
                // The server answered (413, 431) and closed before reading everything; its answer counts.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 30 s to " + new String(head, 0, Math.min(head.length, 200),
                    StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with the usual framing: Host, Connection: close and Content-Length added. */
    public Response request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close");
        headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            head.append("\r\nContent-Length: ").append(body.length);
        }
        return send(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The server may close hard after answering a request it refused to read in full.
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        String head = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.")) {
            throw new AssertionError("not an HTTP response: " + head.substring(0, Math.min(200, head.length())));
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        int from = end < 0 ? raw.length : end + 4;
        byte[] body = java.util.Arrays.copyOfRange(raw, from, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int from = lineEnd + 2;
            int to = Math.min(chunked.length, from + size);
            out.write(chunked, from, to - from);
            at = to + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
