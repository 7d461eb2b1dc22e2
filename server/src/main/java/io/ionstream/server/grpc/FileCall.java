package io.ionstream.server.grpc;

import io.ionstream.proto.v1.FileChunk;
import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;

/** One FetchFile call: the file in chunks, read only as fast as the client takes them. */
final class FileCall extends FlowControlledCall<FileChunk> {
    private final String name;
    private final FileChannel channel;
    private final long size;
    private final int chunk;
    private long offset;

    FileCall(Path file, long offset, int chunk, StreamObserver<FileChunk> observer, Executor executor) throws IOException {
        super(observer, executor);
        this.name = file.getFileName().toString();
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.chunk = chunk;
        this.offset = offset;
        signal();
    }

    long size() { return size; }

    @Override
    protected boolean sendNext() {
        if (offset >= size) {
            finish();
            return false;
        }
        int n = (int) Math.min(chunk, size - offset);
        ByteBuffer b = ByteBuffer.allocate(n);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) break;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
        b.flip();
        send(FileChunk.newBuilder().setName(name).setOffset(offset).setData(ByteString.copyFrom(b)).setTotalSize(size).build());
        offset += b.limit();
        if (b.limit() == 0) finish(); // the file shrank under us
        return true;
    }

    @Override
    protected void closed() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only handle
        }
    }
}
