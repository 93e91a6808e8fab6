package io.dcrgateway.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether a figure stayed flat over the soak run: the median of the last third of the samples
 * against the median of the first third (medians, so that one sample taken during a burst of new
 * connections or a slow scheduler tick does not decide). A leak shows as a last third above the
 * first by more than the allowance: the larger of a share of the first third and a fixed amount,
 * the noise a healthy gateway shows on a shared machine.
 */
record SoakFlatness(String figure, String unit, double first, double last, double min, double max,
    double allowed, boolean flat) {

  /** One figure's allowance: {@code share} of its first third, at least {@code floor}. */
  record Limit(String figure, String unit, ToDoubleFunction<SoakSample> value, double share, double floor) {
  }

  static SoakFlatness of(List<SoakSample> samples, Limit limit) {
    int third = Math.max(1, samples.size() / 3);
    double[] all = samples.stream().mapToDouble(limit.value()).toArray();
    double first = median(Arrays.copyOfRange(all, 0, third));
    double last = median(Arrays.copyOfRange(all, all.length - third, all.length));
    double allowed = Math.max(first * limit.share(), limit.floor());
    return new SoakFlatness(limit.figure(), limit.unit(), first, last, Arrays.stream(all).min().orElse(0),
        Arrays.stream(all).max().orElse(0), allowed, last - first <= allowed);
  }

  String row() {
    return String.format(Locale.ROOT, "| %s | %s | %s | %s–%s | %+.1f | ≤ %+.1f | %s |", figure,
        fmt(first), fmt(last), fmt(min), fmt(max), last - first, allowed, flat ? "flat" : "**grew**")
        .replace("| " + figure + " |", "| " + figure + " (" + unit + ") |");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
