package io.dcrgateway.bench;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.testkit.PresentedKeyManager;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every run shares: the dev PKI's TPP identities, the statement minter, reusable bodies. */
final class Fixtures {

  private static final int SAMPLE = 256;

  private final DevPkiManifest pki;
  private final LoadGenerator generator;
  private final Registrations registrations;
  private final List<BenchRequest> sampleRegistrations;
  private final List<BenchRequest> badSignatures;
  private final Map<String, PresentedKeyManager> identities = new HashMap<>();

  Fixtures(DevPkiManifest pki, LoadGenerator generator) throws Exception {
    this.pki = pki;
    this.generator = generator;
    this.registrations = new Registrations(pki, DevPkiLayout.OFB_TPP1_A);
    this.sampleRegistrations = registrations.valid(SAMPLE);
    this.badSignatures = registrations.badSignature(SAMPLE);
  }

  LoadGenerator generator() {
    return generator;
  }

  Registrations registrations() {
    return registrations;
  }

  /** Valid registration bodies to repeat where nothing checks the jti (nginx; the forged certificate). */
  List<BenchRequest> sampleRegistrations() {
    return sampleRegistrations;
  }

  List<BenchRequest> badSignatures() {
    return badSignatures;
  }

  synchronized PresentedKeyManager identity(String client) {
    PresentedKeyManager identity = identities.get(client);
    if (identity == null) {
      identity = PresentedKeyManager.load(pki.client(client).files().pkcs12(), pki.pkcs12Password().toCharArray());
      identities.put(client, identity);
    }
    return identity;
  }

  /** Registers a client of ofb-tpp1-a's software through the gateway, for the RFC 7592 reads. */
  String registerClient(int gatewayPort) throws Exception {
    LoadGenerator.Exchange answer;
    try (LoadGenerator.Session session = generator.open(
        new LoadGenerator.Target("127.0.0.1", gatewayPort, identity(DevPkiLayout.OFB_TPP1_A), false), 1)) {
      answer = session.exchange(registrations.valid(1).get(0));
    }
    if (answer.status() != 201) {
      throw new IllegalStateException("registering the client to read failed: " + answer.status() + " " + answer.body());
    }
    return new JsonObject(answer.body()).getString("client_id");
  }
}
