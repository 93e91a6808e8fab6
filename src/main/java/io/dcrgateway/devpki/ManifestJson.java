package io.dcrgateway.devpki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code dev-pki.json}: the manifest with snake_case keys and paths relative to the PKI root. */
final class ManifestJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestJson() {
  }

  static byte[] encode(DevPkiManifest manifest) throws IOException {
    Path root = manifest.root();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("generated_at", manifest.generatedAt().toString());
    json.put("pkcs12_password", manifest.pkcs12Password());
    ObjectNode trust = json.putObject("trust");
    trust.put("tpp_trust_bundle", relative(root, manifest.trust().tppTrustBundle()));
    trust.put("tpp_intermediates", relative(root, manifest.trust().tppIntermediates()));
    trust.put("server_ca", relative(root, manifest.trust().serverCa()));
    writeFiles(json.putObject("server"), root, manifest.server());
    ObjectNode directory = json.putObject("directory");
    directory.put("kid", manifest.directory().kid());
    directory.put("signing_key", relative(root, manifest.directory().signingKey()));
    directory.put("jwks", relative(root, manifest.directory().jwks()));
    ObjectNode clients = json.putObject("clients");
    for (String name : DevPkiLayout.CLIENT_NAMES) {
      DevPkiManifest.Client client = manifest.clients().get(name);
      if (client == null) {
        continue;
      }
      ObjectNode entry = clients.putObject(name);
      entry.put("layout", client.layout().id());
      entry.put("description", client.description());
      entry.put("software_id", client.softwareId());
      entry.put("org_id", client.orgId());
      entry.put("cnpj", client.cnpj());
      entry.put("subject_dn", client.subjectDn());
      entry.put("issuer_dn", client.issuerDn());
      entry.put("serial_hex", client.serialHex());
      entry.put("not_after", client.notAfter().toString());
      writeFiles(entry.putObject("files"), root, client.files());
      if (client.signingKey() != null) {
        ObjectNode signing = entry.putObject("signing_key");
        signing.put("kid", client.signingKey().kid());
        signing.put("private_jwk", relative(root, client.signingKey().privateJwk()));
        signing.put("jwks", relative(root, client.signingKey().jwks()));
      }
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
  }

  static DevPkiManifest read(Path root) throws IOException {
    Path file = new DevPkiLayout(root).manifest();
    JsonNode json = MAPPER.readTree(Files.readAllBytes(file));
    try {
      JsonNode trust = required(json, "trust");
      JsonNode directory = required(json, "directory");
      Map<String, DevPkiManifest.Client> clients = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> entries = required(json, "clients").fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        JsonNode client = entry.getValue();
        clients.put(entry.getKey(), new DevPkiManifest.Client(
            entry.getKey(),
            SubjectLayout.fromId(text(client, "layout")),
            text(client, "description"),
            text(client, "software_id"),
            text(client, "org_id"),
            client.path("cnpj").isTextual() ? client.get("cnpj").asText() : null,
            text(client, "subject_dn"),
            text(client, "issuer_dn"),
            text(client, "serial_hex"),
            Instant.parse(text(client, "not_after")),
            readFiles(root, required(client, "files")),
            readSigningKey(root, client.get("signing_key"))));
      }
      return new DevPkiManifest(
          root,
          Instant.parse(text(json, "generated_at")),
          text(json, "pkcs12_password"),
          new DevPkiManifest.Trust(
              root.resolve(text(trust, "tpp_trust_bundle")),
              root.resolve(text(trust, "tpp_intermediates")),
              root.resolve(text(trust, "server_ca"))),
          readFiles(root, required(json, "server")),
          new DevPkiManifest.Directory(
              text(directory, "kid"),
              root.resolve(text(directory, "signing_key")),
              root.resolve(text(directory, "jwks"))),
          clients);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static void writeFiles(ObjectNode node, Path root, DevPkiLayout.LeafFiles files) {
    node.put("certificate", relative(root, files.certificate()));
    node.put("private_key", relative(root, files.privateKey()));
    node.put("chain", relative(root, files.chain()));
    node.put("pkcs12", relative(root, files.pkcs12()));
  }

  private static DevPkiLayout.LeafFiles readFiles(Path root, JsonNode node) {
    return new DevPkiLayout.LeafFiles(
        root.resolve(text(node, "certificate")),
        root.resolve(text(node, "private_key")),
        root.resolve(text(node, "chain")),
        root.resolve(text(node, "pkcs12")));
  }

  /** Manifests written before request signing keys existed have none; the client then has null. */
  private static DevPkiManifest.SigningKey readSigningKey(Path root, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new DevPkiManifest.SigningKey(
        text(node, "kid"),
        root.resolve(text(node, "private_jwk")),
        root.resolve(text(node, "jwks")));
  }

  /** Forward slashes on every platform, so the manifest reads the same everywhere. */
  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(File.separatorChar, '/');
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing \"" + key + "\"");
    }
    return value;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a string");
    }
    return value.asText();
  }
}
