package io.dcrgateway.bench.jmh;

import io.dcrgateway.audit.AuditChain;
import io.dcrgateway.audit.AuditEvent;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.audit.CertificateFactsOf;
import io.dcrgateway.tls.VerifiedClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Stage audit, the record of one forwarded registration as RequestAudit writes it: the
 * certificate's facts, the event, its JSON and the hash-chained line the audit file appends
 * (every cost of a record, wherever it runs), without the disk.
 */
@State(Scope.Benchmark)
public class AuditRecordBenchmark {

  private VerifiedClient client;
  private AuditLog log;
  private Blackhole sink;

  @Setup
  public void setUp(Blackhole blackhole) throws Exception {
    HotPath hotPath = HotPath.get();
    client = hotPath.verifiedClient();
    sink = blackhole;
    AuditChain chain = new AuditChain(AuditChain.GENESIS);
    log = new AuditLog(record -> sink.consume(chain.link(record)));
  }

  @Benchmark
  public void chainedAuditLine() {
    log.record(new AuditEvent(Instant.now(), "4f1c2d9e-0b7a-4a51-9c8e-2d6f3e8a1b77",
        Optional.of("c770aef3-6784-41f7-8e0e-ff5f97bddb3a"), "127.0.0.1", "POST", "/register",
        Optional.of(CertificateFactsOf.of(client)), "forwarded", 201, Optional.empty(), Optional.empty(),
        Optional.of(201), List.of(), Optional.of(new AuditEvent.RegistrationFacts("open-finance-brasil",
            Optional.of("bc97b8f0-cae0-4f2f-9978-d93f0e56a833"), Optional.of("74e929d9-33b6-4d85-8ba7-c146c867a817"),
            Optional.of("a0b9c8d7-e6f5-4a3b-9c2d-1e0f9a8b7c6d"), Optional.of("client-1"))), 1234));
  }
}
