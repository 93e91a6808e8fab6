package io.dcrgateway.dn;

import java.util.List;

/**
 * One RDN: a set of type/value pairs, usually one; several for a multi-valued RDN written with
 * {@code +} (RFC 4514 §2.2).
 *
 * @param typesAndValues in the order written (or encoded); the order carries no meaning
 */
public record RelativeDistinguishedName(List<AttributeTypeAndValue> typesAndValues) {

  public RelativeDistinguishedName {
    typesAndValues = List.copyOf(typesAndValues);
    if (typesAndValues.isEmpty()) {
      throw new IllegalArgumentException("an RDN has at least one type and value");
    }
  }

  /** RFC 4517 §4.2.15: an RDN is a set, so the pairs compare in any order. */
  List<String> matchKeys() {
    return typesAndValues.stream().map(AttributeTypeAndValue::matchKey).sorted().toList();
  }
}
