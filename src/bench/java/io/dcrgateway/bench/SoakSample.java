package io.dcrgateway.bench;

/**
 * What the soak run reads from the gateway's process every few seconds.
 *
 * @param heapAfterGcKib heap in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info})
 * @param lagMeanMillis mean event-loop lag since the sample before, over every public event loop
 * @param lagMaxMillis the largest lag any loop saw in Micrometer's window (about the last 2 minutes)
 */
record SoakSample(double elapsedSeconds, long heapAfterGcKib, long rssKib, int openFds, int threads,
    double lagMeanMillis, double lagMaxMillis, long requests, String loadAverage) {
}
