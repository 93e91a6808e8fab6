package io.dcrgateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window as the gateway's own histograms saw it: {@code dcr_gateway_processing_seconds} (a
 * request's time from its first stage to the end of its answer, minus the identity server's) and
 * {@code dcr_gateway_upstream_seconds} (the identity server's), summed over their label sets and
 * taken as the difference of two scrapes. What the load generator measures also holds the waits
 * before the gateway reads a request and after it wrote the answer (the cores are shared): this
 * tells the gateway's part from those. Quantiles are bucket bounds (the gateway's histogram
 * starts at 0.1 ms, the identity server's at 1 ms).
 */
record GatewayClock(TreeMap<Double, Double> processing, TreeMap<Double, Double> forwarded,
    TreeMap<Double, Double> upstream) {

  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  static GatewayClock of(String metrics) {
    return new GatewayClock(buckets(metrics, "dcr_gateway_processing_seconds_bucket", ""),
        buckets(metrics, "dcr_gateway_processing_seconds_bucket", "outcome=\"forwarded\""),
        buckets(metrics, "dcr_gateway_upstream_seconds_bucket", ""));
  }

  /** This scrape's counts minus an earlier one's: the window between them. */
  GatewayClock since(GatewayClock earlier) {
    return new GatewayClock(minus(processing, earlier.processing), minus(forwarded, earlier.forwarded),
        minus(upstream, earlier.upstream));
  }

  /** The gateway's own time per request at quantile {@code q}, in ms (a bucket's upper bound). */
  double processingMillis(double q) {
    return quantileMillis(processing, q);
  }

  /** The same for the requests it forwarded only: a window's valid ones, apart from a flood it refused. */
  double forwardedMillis(double q) {
    return quantileMillis(forwarded, q);
  }

  double upstreamMillis(double q) {
    return quantileMillis(upstream, q);
  }

  /** The series' buckets summed over its label sets that contain {@code label} ("" for all). */
  private static TreeMap<Double, Double> buckets(String metrics, String series, String label) {
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    Matcher line = Pattern.compile("^" + series + "\\{([^}]*)} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
    while (line.find()) {
      Matcher le = LE.matcher(line.group(1));
      if (le.find() && line.group(1).contains(label)) {
        double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
        cumulative.merge(bound, Double.parseDouble(line.group(2)), Double::sum);
      }
    }
    return cumulative;
  }

  private static TreeMap<Double, Double> minus(TreeMap<Double, Double> later, TreeMap<Double, Double> earlier) {
    TreeMap<Double, Double> window = new TreeMap<>();
    for (Map.Entry<Double, Double> bucket : later.entrySet()) {
      window.put(bucket.getKey(), bucket.getValue() - earlier.getOrDefault(bucket.getKey(), 0.0));
    }
    return window;
  }

  private static double quantileMillis(TreeMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
      return Double.NaN;
    }
    double wanted = q * cumulative.lastEntry().getValue();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= wanted) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }
}
