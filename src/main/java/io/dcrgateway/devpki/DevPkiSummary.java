package io.dcrgateway.devpki;

import java.nio.file.Path;

/** The few lines {@code dev-pki} prints: where the trust material is and which ids the clients carry. */
final class DevPkiSummary {

  private DevPkiSummary() {
  }

  static String of(DevPkiManifest manifest) {
    Path root = manifest.root();
    StringBuilder text = new StringBuilder();
    text.append("Dev PKI written to ").append(root).append(" (").append(manifest.generatedAt()).append(")\n");
    text.append("  TPP trust anchor:   ").append(manifest.trust().tppTrustBundle())
        .append("  (intermediate: ").append(manifest.trust().tppIntermediates()).append(")\n");
    text.append("  server certificate: ").append(manifest.server().chain())
        .append(", key ").append(manifest.server().privateKey())
        .append(", PKCS#12 ").append(manifest.server().pkcs12()).append('\n');
    text.append("  directory key:      ").append(manifest.directory().signingKey())
        .append(", JWKS ").append(manifest.directory().jwks())
        .append(" (kid ").append(manifest.directory().kid()).append(")\n");
    text.append("  client certificates in ").append(root.resolve("clients"))
        .append(" (<name>.pem, .key, -chain.pem, .p12; PKCS#12 password in the manifest)\n")
        .append("  and UK request signing keys (<name>-signing.jwk, public <name>-jwks.json):\n");
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      DevPkiManifest.Client client = manifest.client(name);
      text.append(String.format("    %-11s %-16s software_id=%s org_id=%s%n",
          name, client.layout().id(), client.softwareId(), client.orgId()));
    }
    text.append("  manifest:           ").append(new DevPkiLayout(root).manifest()).append('\n');
    return text.toString();
  }
}
