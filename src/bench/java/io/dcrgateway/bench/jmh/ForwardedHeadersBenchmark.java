package io.dcrgateway.bench.jmh;

import io.dcrgateway.config.ForwardingConfig;
import io.dcrgateway.proxy.UpstreamHeaders;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage forward, headers only: the inbound headers of a registration filtered (hop-by-hop,
 * certificate and forwarding headers stripped) and the RFC 9440 Client-Cert and
 * Client-Cert-Chain headers written for the verified client, as src/bench/conf/gateway.yaml sets.
 */
@State(Scope.Benchmark)
public class ForwardedHeadersBenchmark {

  private UpstreamHeaders headers;
  private RegistrationRequest request;
  private VerifiedClient client;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    headers = new UpstreamHeaders(new ForwardingConfig(ForwardingConfig.DEFAULT_CERTIFICATE_HEADERS, List.of(),
        ForwardingConfig.DEFAULT_REQUEST_ID_HEADER));
    client = hotPath.verifiedClient();
    // What a TPP's HTTP client sends with a registration, a spoofed certificate header included.
    MultiMap inbound = MultiMap.caseInsensitiveMultiMap()
        .add("Host", "gateway.example:8443")
        .add("Content-Type", "application/json")
        .add("Content-Length", "1873")
        .add("Accept", "application/json")
        .add("Accept-Encoding", "gzip, deflate")
        .add("User-Agent", "tpp-client/1.0")
        .add("Connection", "keep-alive")
        .add("x-fapi-interaction-id", "c770aef3-6784-41f7-8e0e-ff5f97bddb3a")
        .add("X-Request-Id", "4f1c2d9e-0b7a-4a51-9c8e-2d6f3e8a1b77")
        .add("Client-Cert", ":c3Bvb2Zl:");
    request = new RegistrationRequest(HttpMethod.POST, Optional.empty(), inbound, Buffer.buffer("{}"),
        new RequestContext("4f1c2d9e-0b7a-4a51-9c8e-2d6f3e8a1b77",
            Optional.of("c770aef3-6784-41f7-8e0e-ff5f97bddb3a"), "127.0.0.1", "gateway.example:8443"));
  }

  @Benchmark
  public MultiMap forwardedHeaders() {
    return headers.forRequest(request, client, true);
  }
}
