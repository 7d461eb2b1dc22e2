package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameEvent;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.WatchMode;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trajectory frames: the header names the atoms, frames come at the chosen stride, the last one is the final structure. */
class FramesTest {
    @TempDir Path dir;

    @Test
    void framesAtAStride() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            JobSpec spec = TestServers.argonJob("frames", 100, 10, 50);
            spec = spec.toBuilder().setMd(spec.getMd().toBuilder().setFrameEvery(10)).build();
            Job job = client.submit(spec);
            Iterator<FrameEvent> it = client.frames(job.getJobId(), 2, 0, WatchMode.WATCH_MODE_ALL);
            FrameHeader header = null;
            List<Frame> frames = new ArrayList<>();
            Job last = null;
            while (it.hasNext()) {
                FrameEvent e = it.next();
                switch (e.getEventCase()) {
                    case HEADER -> header = e.getHeader();
                    case FRAME -> frames.add(e.getFrame());
                    case JOB -> last = e.getJob();
                    default -> { }
                }
            }
            assertEquals(JobState.COMPLETED, last.getState());
            assertEquals(11, last.getFrames(), "frames at steps 0, 10, ..., 100");
            assertEquals(List.of("Ar"), header.getSpeciesList());
            assertEquals(108, header.getIdsCount());
            for (int k = 1; k < header.getIdsCount(); k++) assertTrue(header.getIds(k) > header.getIds(k - 1), "atoms in id order");
            assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L), frames.stream().map(Frame::getIndex).toList(), "every second frame");
            assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 100L), frames.stream().map(Frame::getStep).toList());
            Frame end = frames.get(frames.size() - 1);
            assertEquals(3 * 108, end.getPositionsCount());
            for (int k = 0; k < 3 * 108; k += 3) {
                double x = end.getPositions(k);
                assertTrue(x >= end.getCell().getXlo() && x < end.getCell().getXlo() + end.getCell().getLx() + 1e-9, "wrapped into the cell");
            }
            // the last frame is the final structure (LAMMPS data written by the job, same atoms, same positions to print precision)
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.fetchFile(job.getJobId(), "final.data", out);
            String data = out.toString();
            long firstId = header.getIds(0);
            String line = data.lines().dropWhile(l -> !l.startsWith("Atoms")).skip(2).filter(l -> l.strip().startsWith(firstId + " "))
                .findFirst().orElseThrow();
            String[] f = line.strip().split("\\s+");
            double xd = Double.parseDouble(f[3]), yd = Double.parseDouble(f[4]), zd = Double.parseDouble(f[5]);
            int ix = Integer.parseInt(f[6]);
            double unwrapped = end.getPositions(0) + end.getImages(0) * end.getCell().getLx();
            assertEquals(xd + ix * end.getCell().getLx(), unwrapped, 1e-9, "x of atom " + firstId);
            assertTrue(Double.isFinite(yd) && Double.isFinite(zd));
            // LATEST on an ended job: only the newest frame, the rest counted
            Iterator<FrameEvent> latest = client.frames(job.getJobId(), 1, 0, WatchMode.WATCH_MODE_LATEST);
            List<FrameEvent> got = new ArrayList<>();
            latest.forEachRemaining(e -> { if (e.hasFrame()) got.add(e); });
            assertEquals(1, got.size());
            assertEquals(10, got.get(0).getFrame().getIndex());
            assertEquals(10, got.get(0).getDropped());
        }
    }
}
