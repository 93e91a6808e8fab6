package io.dcrgateway.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway and the identity server must not be able to read different values from one body:
 * duplicate keys and anything after the top-level value are errors, not "last one wins" or
 * "ignored". Bodies and the payloads of the JWTs in them are read with it.
 */
public final class StrictJson {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StrictJson() {
  }
}
