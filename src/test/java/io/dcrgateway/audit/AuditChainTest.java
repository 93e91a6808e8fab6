package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The chained line: the record's own JSON with {@code prev} first, linked to the line before. */
class AuditChainTest {

  @Test
  void linksEachLineToTheHashOfTheOneBefore() {
    AuditChain chain = new AuditChain(AuditChain.GENESIS);
    JsonObject record = new JsonObject().put("status", 201).put("path", "/register \"quoted\" é")
        .put("certificate", new JsonObject().put("subject", "CN=a,O=b"));

    String first = chain.link(record);
    String second = chain.link(record);

    JsonObject expected = new JsonObject().put(AuditChain.LINK, AuditChain.GENESIS).mergeIn(record);
    assertThat(first).isEqualTo(expected.encode());
    assertThat(new JsonObject(second).getString(AuditChain.LINK)).isEqualTo(AuditChain.hash(first));
    assertThat(chain.last()).isEqualTo(AuditChain.hash(second));
    assertThat(record.containsKey(AuditChain.LINK)).isFalse();
  }

  @Test
  void linksAnEmptyRecord() {
    assertThat(new AuditChain(AuditChain.GENESIS).link(new JsonObject()))
        .isEqualTo("{\"prev\":\"" + AuditChain.GENESIS + "\"}");
  }
}
