package io.dcrgateway.devpki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a complete dev ecosystem ({@link DevEcosystem}) to a directory in the
 * {@link DevPkiLayout}, plus {@code dev-pki.json}. Without {@code overwrite} it refuses before
 * generating or writing anything if any target file exists: a half-replaced PKI, where the gateway
 * trusts a new root but clients hold old certificates, fails in confusing ways.
 *
 * <p>Blocking (key generation, about two seconds, and file writes): from Vert.x code call it
 * through {@code executeBlocking}, never on an event loop.
 */
public final class DevPki {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DevPki() {
  }

  /**
   * @throws FileAlreadyExistsException naming the first existing target file, when
   *     {@code options.overwrite()} is false; nothing has been written then
   */
  public static DevPkiManifest generate(Path outDir, DevPkiOptions options) throws IOException {
    DevPkiLayout layout = new DevPkiLayout(outDir);
    refuseExistingFiles(layout, options);
    return writeFiles(DevEcosystem.generate(), layout, options);
  }

  /** Writes an ecosystem generated earlier, with the same refusal rule as {@link #generate}. */
  public static DevPkiManifest write(DevEcosystem ecosystem, Path outDir, DevPkiOptions options) throws IOException {
    DevPkiLayout layout = new DevPkiLayout(outDir);
    refuseExistingFiles(layout, options);
    return writeFiles(ecosystem, layout, options);
  }

  private static void refuseExistingFiles(DevPkiLayout layout, DevPkiOptions options) throws FileAlreadyExistsException {
    if (options.overwrite()) {
      return;
    }
    for (Path file : layout.allFiles()) {
      // NOFOLLOW_LINKS: a dangling symlink is still something we would write through.
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(file.toString(), null, "dev PKI file exists; refusing to overwrite it");
      }
    }
  }

  private static DevPkiManifest writeFiles(DevEcosystem ecosystem, DevPkiLayout layout, DevPkiOptions options)
      throws IOException {
    char[] password = options.pkcs12Password();
    for (Path file : layout.allFiles()) {
      Files.createDirectories(file.getParent());
    }

    writeCa(layout.tppRootCa(), ecosystem.tppRootCa());
    writeCa(layout.tppIssuingCa(), ecosystem.tppIssuingCa());
    writeCa(layout.serverCa(), ecosystem.serverCa());
    writeCa(layout.rogueCa(), ecosystem.rogueCa());
    writeCa(layout.untrustedCa(), ecosystem.untrustedCa());
    writePem(layout.tppTrustBundle(), Pem.certificate(ecosystem.tppRootCa().certificate()));
    writePem(layout.tppIntermediates(), Pem.certificate(ecosystem.tppIssuingCa().certificate()));

    writeLeaf(layout.server(), "server", ecosystem.server(), password);
    Map<String, DevPkiManifest.Client> clients = new LinkedHashMap<>();
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      DevClient client = ecosystem.client(name);
      DevPkiLayout.LeafFiles files = layout.client(name);
      writeLeaf(files, name, client.issued(), password);
      clients.put(name, manifestEntry(client, files, writeSigningKey(layout.clientSigningKey(name),
          layout.clientJwks(name), client.signingKey())));
    }

    DevPkiManifest.SigningKey directoryKey =
        writeSigningKey(layout.directorySigningKey(), layout.directoryJwks(), ecosystem.directoryKey());

    writePem(layout.tppIssuingCrl(), Pem.crl(ecosystem.tppIssuingCrl()));
    DevPkiLayout.ResponderFiles responder = layout.ocspResponder();
    writePem(responder.certificate(), Pem.certificate(ecosystem.ocspResponder().certificate()));
    OwnerOnlyFiles.write(responder.privateKey(),
        Pem.privateKey(ecosystem.ocspResponder().privateKey()).getBytes(StandardCharsets.US_ASCII));
    writePem(responder.index(), OcspIndex.of(issuedBy(ecosystem, ecosystem.tppIssuingCa()), ecosystem.tppIssuingCrl()));

    DevPkiManifest manifest = new DevPkiManifest(
        layout.root(),
        ecosystem.generatedAt(),
        new String(password),
        new DevPkiManifest.Trust(layout.tppTrustBundle(), layout.tppIntermediates(), layout.serverCa().certificate()),
        layout.server(),
        new DevPkiManifest.Directory(directoryKey.kid(), directoryKey.privateJwk(), directoryKey.jwks()),
        clients);
    // Owner-only: the manifest carries the PKCS#12 password.
    OwnerOnlyFiles.write(layout.manifest(), ManifestJson.encode(manifest));
    return manifest;
  }

  /** The clients a CA really signed (not the forgery, which only names it). */
  private static List<X509Certificate> issuedBy(DevEcosystem ecosystem, IssuedCertificate ca) {
    return DevPkiLayout.CLIENT_NAMES.stream().map(ecosystem::client)
        .map(client -> client.issued())
        .filter(issued -> !issued.issuerChain().isEmpty() && issued.issuerChain().get(0).equals(ca.certificate()))
        .map(IssuedCertificate::certificate)
        .toList();
  }

  private static void writeCa(DevPkiLayout.CaFiles files, IssuedCertificate ca) throws IOException {
    writePem(files.certificate(), Pem.certificate(ca.certificate()));
    OwnerOnlyFiles.write(files.privateKey(), Pem.privateKey(ca.privateKey()).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The chain file and PKCS#12 hold the leaf and its direct issuer, not the root: what a TLS peer
   * sends (RFC 5246 §7.4.2 lets the anchor be omitted; OFB Cert Std asks for the intermediate).
   * For the untrusted and forged clients the direct issuer is their self-signed CA.
   */
  private static void writeLeaf(DevPkiLayout.LeafFiles files, String alias, IssuedCertificate leaf, char[] password)
      throws IOException {
    List<X509Certificate> chain = List.of(leaf.certificate(), leaf.issuerChain().get(0));
    writePem(files.certificate(), Pem.certificate(leaf.certificate()));
    OwnerOnlyFiles.write(files.privateKey(), Pem.privateKey(leaf.privateKey()).getBytes(StandardCharsets.US_ASCII));
    writePem(files.chain(), Pem.certificates(chain));
    OwnerOnlyFiles.write(files.pkcs12(), Pkcs12.encode(Pkcs12.keyStore(alias, leaf.privateKey(), chain, password), password));
  }

  private static DevPkiManifest.SigningKey writeSigningKey(Path privateJwk, Path jwks, RSAKey key) throws IOException {
    OwnerOnlyFiles.write(privateJwk, prettyJson(key.toJSONObject()));
    // JWKSet.toJSONObject(true) drops private members: verifiers only ever get the public half.
    Files.write(jwks, prettyJson(new JWKSet(key.toPublicJWK()).toJSONObject(true)));
    return new DevPkiManifest.SigningKey(key.getKeyID(), privateJwk, jwks);
  }

  private static DevPkiManifest.Client manifestEntry(DevClient client, DevPkiLayout.LeafFiles files,
      DevPkiManifest.SigningKey signingKey) {
    X509Certificate certificate = client.issued().certificate();
    return new DevPkiManifest.Client(
        client.name(),
        client.layout(),
        client.description(),
        client.softwareId(),
        client.orgId(),
        client.cnpj(),
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        certificate.getNotAfter().toInstant(),
        files,
        signingKey);
  }

  private static void writePem(Path file, String pem) throws IOException {
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
  }

  private static byte[] prettyJson(Map<String, Object> json) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
  }
}
