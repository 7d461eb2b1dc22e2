package io.ionstream.server.http.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;

/** The Java virtual machine's and the process's metrics: memory, threads, garbage collection, uptime, CPU. */
final class JvmMetrics {
    private JvmMetrics() {}

    static void write(PrometheusText m) {
        var mem = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = mem.getHeapMemoryUsage(), nonHeap = mem.getNonHeapMemoryUsage();
        m.family("jvm_memory_used_bytes", PrometheusText.Type.GAUGE, "Memory in use by area.")
            .sample(heap.getUsed(), "area", "heap").sample(nonHeap.getUsed(), "area", "nonheap");
        m.family("jvm_memory_committed_bytes", PrometheusText.Type.GAUGE, "Memory committed by the operating system by area.")
            .sample(heap.getCommitted(), "area", "heap").sample(nonHeap.getCommitted(), "area", "nonheap");
        m.family("jvm_memory_max_bytes", PrometheusText.Type.GAUGE, "Largest memory the area may use (-1: no limit).")
            .sample(heap.getMax(), "area", "heap").sample(nonHeap.getMax(), "area", "nonheap");

        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        m.family("jvm_threads_current", PrometheusText.Type.GAUGE, "Live threads.").sample(t.getThreadCount());
        m.family("jvm_threads_daemon", PrometheusText.Type.GAUGE, "Live daemon threads.").sample(t.getDaemonThreadCount());
        m.family("jvm_threads_peak", PrometheusText.Type.GAUGE, "Most live threads since the start.").sample(t.getPeakThreadCount());

        var gcs = ManagementFactory.getGarbageCollectorMXBeans();
        m.family("jvm_gc_collections_total", PrometheusText.Type.COUNTER, "Garbage collections by collector.");
        for (GarbageCollectorMXBean gc : gcs) m.sample(Math.max(0, gc.getCollectionCount()), "gc", gc.getName());
        m.family("jvm_gc_collection_seconds_total", PrometheusText.Type.COUNTER, "Time spent in garbage collection by collector.");
        for (GarbageCollectorMXBean gc : gcs) m.sample(Math.max(0, gc.getCollectionTime()) / 1000.0, "gc", gc.getName());

        RuntimeMXBean rt = ManagementFactory.getRuntimeMXBean();
        m.family("process_start_time_seconds", PrometheusText.Type.GAUGE, "Start of the process since the Unix epoch.")
            .sample(rt.getStartTime() / 1000.0);
        m.family("process_uptime_seconds", PrometheusText.Type.GAUGE, "Time since the process started.").sample(rt.getUptime() / 1000.0);
        m.family("jvm_available_processors", PrometheusText.Type.GAUGE, "Processors available to the JVM.")
            .sample(Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            m.family("process_cpu_seconds_total", PrometheusText.Type.COUNTER, "CPU time used by the process.")
                .sample(os.getProcessCpuTime() / 1e9);
        }
    }
}
