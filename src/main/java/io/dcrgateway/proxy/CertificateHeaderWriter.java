package io.dcrgateway.proxy;

import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import java.util.List;

/** Puts the verified client certificate on the upstream request in one identity-server format. */
public interface CertificateHeaderWriter {

  /** What it writes depends on the client alone: {@link UpstreamHeaders} keeps it with the client. */
  void write(VerifiedClient client, MultiMap upstreamHeaders);

  /** Every header name this writer emits: stripped from inbound requests so none can be spoofed. */
  List<String> headerNames();
}
