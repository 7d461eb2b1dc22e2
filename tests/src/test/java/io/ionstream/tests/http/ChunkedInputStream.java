package io.ionstream.tests.http;

import java.io.IOException;
import java.io.InputStream;

/** The body of an HTTP/1.1 response in chunked transfer encoding, de-chunked (for tests that talk over a raw socket). */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] b = new byte[1];
        int n = read(b, 0, 1);
        return n < 0 ? -1 : b[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) return -1;
        if (remaining == 0) {
            String size = line();
            if (size == null) return -1;
            int semi = size.indexOf(';');
            remaining = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
            if (remaining == 0) {
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) return -1;
        remaining -= n;
        if (remaining == 0) line(); // the CRLF after the chunk
        return n;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') return s.toString().strip();
            s.append((char) c);
        }
        return s.isEmpty() ? null : s.toString();
    }
}
