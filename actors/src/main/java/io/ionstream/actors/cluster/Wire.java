package io.ionstream.actors.cluster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian primitive encoding for {@link DomainSerializer}: bulk array transfers through
 * typed views of the buffer, length-prefixed UTF-8 strings. Reading checks every length against
 * what is left, so a damaged message fails with a clear error instead of a huge allocation.
 */
final class Wire {
    private Wire() {}

    /** Writes into a little-endian buffer. */
    static final class Out {
        final ByteBuffer buf;

        Out(ByteBuffer buf) {
            this.buf = buf;
        }

        void i32(int v) { buf.putInt(v); }
        void i64(long v) { buf.putLong(v); }
        void f64(double v) { buf.putDouble(v); }
        void bool(boolean v) { buf.put((byte) (v ? 1 : 0)); }
        void u8(byte v) { buf.put(v); }

        void doubles(double[] a, int n) {
            buf.asDoubleBuffer().put(a, 0, n);
            buf.position(buf.position() + 8 * n);
        }

        void ints(int[] a, int n) {
            buf.asIntBuffer().put(a, 0, n);
            buf.position(buf.position() + 4 * n);
        }

        void longs(long[] a, int n) {
            buf.asLongBuffer().put(a, 0, n);
            buf.position(buf.position() + 8 * n);
        }

        /** Length-prefixed array. */
        void doubleArray(double[] a) {
            i32(a.length);
            doubles(a, a.length);
        }

        /** Length-prefixed bytes. */
        void bytes(byte[] b) {
            i32(b.length);
            buf.put(b);
        }

        void string(String s) {
            if (s == null) {
                i32(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            buf.put(b);
        }
    }

    static int stringSize(String s) {
        return 4 + (s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Reads from a little-endian buffer. */
    static final class In {
        final ByteBuffer buf;

        In(ByteBuffer buf) {
            this.buf = buf;
        }

        int i32() { return buf.getInt(); }
        long i64() { return buf.getLong(); }
        double f64() { return buf.getDouble(); }
        boolean bool() { return buf.get() != 0; }
        byte u8() { return buf.get(); }

        /** A count of items of {@code bytesEach} that must fit in what is left. */
        int count(int bytesEach, String what) {
            int n = buf.getInt();
            if (n < 0 || (long) n * bytesEach > buf.remaining()) {
                throw new IllegalArgumentException("damaged message: " + what + " count " + n + " with " + buf.remaining()
                    + " bytes left");
            }
            return n;
        }

        /** {@code n} items of {@code bytesEach} read earlier, which must fit in what is left now. */
        int checked(int n, int bytesEach, String what) {
            if ((long) n * bytesEach > buf.remaining()) {
                throw new IllegalArgumentException("damaged message: " + what + " count " + n + " with " + buf.remaining()
                    + " bytes left");
            }
            return n;
        }

        double[] doubles(int n) {
            double[] a = new double[n];
            buf.asDoubleBuffer().get(a, 0, n);
            buf.position(buf.position() + 8 * n);
            return a;
        }

        int[] ints(int n) {
            int[] a = new int[n];
            buf.asIntBuffer().get(a, 0, n);
            buf.position(buf.position() + 4 * n);
            return a;
        }

        long[] longs(int n) {
            long[] a = new long[n];
            buf.asLongBuffer().get(a, 0, n);
            buf.position(buf.position() + 8 * n);
            return a;
        }

        double[] doubleArray() {
            return doubles(count(8, "array"));
        }

        byte[] bytes() {
            byte[] b = new byte[count(1, "byte")];
            buf.get(b);
            return b;
        }

        String string() {
            int n = buf.getInt();
            if (n == -1) return null;
            if (n < 0 || n > buf.remaining()) throw new IllegalArgumentException("damaged message: string of " + n + " bytes");
            byte[] b = new byte[n];
            buf.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static ByteBuffer littleEndian(ByteBuffer b) {
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }
}
