package io.dcrgateway.proxy;

import io.dcrgateway.config.ForwardingConfig;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.tls.CertificateMemo;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which headers reach the identity server. The IS trusts certificate headers only
 * because the gateway writes them, so every inbound header that could carry a certificate or
 * a forwarding claim is removed first (RFC 9440 §2.4, SPEC HDR-01): the built-in names, every
 * name the config emits or lists, and the families {@code client-cert*}, {@code ssl-client*},
 * {@code x-ssl-*}, {@code x-client-cert*}, {@code x-forwarded-*}. Authorization and the body
 * pass through unchanged; hop-by-hop headers do not cross a proxy (RFC 9110 §7.6.1).
 */
public final class UpstreamHeaders {

  private static final Set<String> HOP_BY_HOP = Set.of(
      "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
      "te", "trailer", "transfer-encoding", "upgrade");
  /**
   * Recomputed by the client for the upstream connection. Accept-Encoding too: the gateway must
   * read the identity server's answer (to put its own registration_client_uri in), so it asks
   * for it uncompressed.
   */
  private static final Set<String> CONNECTION_SPECIFIC = Set.of("host", "content-length", "expect", "accept-encoding");
  /** A GET that an identity server (or a filter before it) runs as a PUT would skip every rule. */
  private static final Set<String> METHOD_OVERRIDES = Set.of("x-http-method-override", "x-http-method", "x-method-override");
  private static final Set<String> BUILT_IN_STRIPPED = Set.of(
      "client-cert", "client-cert-chain", "x-forwarded-client-cert", "ssl-client-cert",
      "x-ssl-cert", "x-client-cert", "forwarded", "x-real-ip");
  private static final List<String> STRIPPED_PREFIXES = List.of(
      "client-cert", "ssl-client", "x-ssl-", "x-client-cert", "x-forwarded-");

  private final List<CertificateHeaderWriter> writers;
  /** Per writer: what it wrote for a client, kept with the client (base64 of DER is not free). */
  private final List<CertificateMemo.Key<List<Map.Entry<String, String>>>> written;
  /** Every exact name dropped from an inbound request, lower case: one lookup per header. */
  private final Set<String> dropped;
  private final String requestIdHeader;

  public UpstreamHeaders(ForwardingConfig config) {
    this.writers = CertificateHeaders.from(config);
    this.requestIdHeader = config.requestIdHeader();
    Set<String> names = new TreeSet<>(BUILT_IN_STRIPPED);
    config.stripHeaders().forEach(n -> names.add(lower(n)));
    writers.forEach(w -> w.headerNames().forEach(n -> names.add(lower(n))));
    names.addAll(HOP_BY_HOP);
    names.addAll(CONNECTION_SPECIFIC);
    names.addAll(METHOD_OVERRIDES);
    names.add(lower(requestIdHeader));
    this.dropped = Set.copyOf(names);
    this.written = writers.stream()
        .map(w -> new CertificateMemo.Key<List<Map.Entry<String, String>>>("headers:" + w.headerNames()))
        .toList();
  }

  /** @param withClientAddress whether {@code X-Forwarded-For} carries the TPP's address */
  public MultiMap forRequest(RegistrationRequest request, VerifiedClient client, boolean withClientAddress) {
    return forRequest(request, java.util.Optional.of(client), withClientAddress);
  }

  /**
   * @param client empty on a route without client certificates: inbound certificate headers are
   *     still removed, and none is written
   */
  public MultiMap forRequest(RegistrationRequest request, java.util.Optional<VerifiedClient> client,
      boolean withClientAddress) {
    MultiMap in = request.headers();
    Set<String> listedInConnection = connectionTokens(in);
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (var entry : in.entries()) {
      String name = lower(entry.getKey());
      if (!dropped(name) && !listedInConnection.contains(name)) {
        out.add(entry.getKey(), entry.getValue());
      }
    }
    for (int i = 0; client.isPresent() && i < writers.size(); i++) {
      CertificateHeaderWriter writer = writers.get(i);
      VerifiedClient verified = client.get();
      for (Map.Entry<String, String> header : verified.memo().get(written.get(i), () -> headersOf(writer, verified))) {
        out.set(header.getKey(), header.getValue());
      }
    }
    if (withClientAddress) {
      out.set("X-Forwarded-For", request.context().remoteAddress());
    }
    out.set("X-Forwarded-Proto", "https");
    if (!request.context().host().isEmpty()) {
      out.set("X-Forwarded-Host", request.context().host());
    }
    out.set(requestIdHeader, request.context().requestId());
    return out;
  }

  /** The relayed response keeps everything the IS said but hop-by-hop and framing headers. */
  public static MultiMap forResponse(MultiMap upstream) {
    Set<String> listedInConnection = connectionTokens(upstream);
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (var entry : upstream.entries()) {
      String name = lower(entry.getKey());
      if (!HOP_BY_HOP.contains(name) && !name.equals("content-length") && !listedInConnection.contains(name)) {
        out.add(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  private static List<Map.Entry<String, String>> headersOf(CertificateHeaderWriter writer, VerifiedClient client) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    writer.write(client, headers);
    return headers.entries().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }

  private boolean dropped(String name) {
    if (dropped.contains(name)) {
      return true;
    }
    for (String prefix : STRIPPED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> connectionTokens(MultiMap headers) {
    Set<String> tokens = new TreeSet<>();
    for (String value : headers.getAll("Connection")) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          tokens.add(lower(token.trim()));
        }
      }
    }
    return tokens;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
