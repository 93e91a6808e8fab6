package io.dcrgateway.bench;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Open Finance Brasil registration bodies for one dev TPP, each with a software statement the dev
 * directory signed (PS256) with a fresh jti and iat: minted before a window, on every core, since
 * one RSA signature costs the client far more than the gateway's verification of it.
 */
final class Registrations {

  private final DevPkiManifest pki;
  private final String client;
  private final RSAKey impostorKey;

  Registrations(DevPkiManifest pki, String client) throws Exception {
    this.pki = pki;
    this.client = client;
    this.impostorKey = new RSAKeyGenerator(2048).generate();
  }

  /** Bodies the OFB profile accepts: redirect_uris and jwks_uri from the statement, private_key_jwt. */
  List<BenchRequest> valid(int count) {
    return mint(count, false);
  }

  /** Statements with the directory's kid but signed by another key: 400 invalid_software_statement. */
  List<BenchRequest> badSignature(int count) {
    return mint(count, true);
  }

  private List<BenchRequest> mint(int count, boolean forged) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return IntStream.range(0, threads).parallel()
        .mapToObj(t -> mintSlice(count / threads + (t < count % threads ? 1 : 0), forged))
        .flatMap(List::stream)
        .toList();
  }

  private List<BenchRequest> mintSlice(int count, boolean forged) {
    SoftwareStatementMinter minter;
    try {
      minter = SoftwareStatementMinter.forClient(pki, client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (forged) {
      minter.signedWith(impostorKey);
    }
    Map<String, Object> claims = minter.claims();
    String metadata = new JsonObject()
        .put("redirect_uris", new JsonArray().add(((List<?>) claims.get("software_redirect_uris")).get(0)))
        .put("jwks_uri", claims.get("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .encode();
    String prefix = metadata.substring(0, metadata.length() - 1) + ",\"software_statement\":\"";
    return IntStream.range(0, count).mapToObj(i -> {
      String statement = minter.claim("jti", UUID.randomUUID().toString()).issuedAt(Instant.now()).mint();
      return BenchRequest.registration(prefix + statement + "\"}");
    }).toList();
  }
}
