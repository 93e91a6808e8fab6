package io.dcrgateway.dn;

import java.util.List;

/**
 * A subject carrying different values of an attribute that identifies the client (UID,
 * organizationIdentifier, ...). Picking one would let the certificate speak for either identity,
 * so the caller rejects instead.
 */
public final class AmbiguousAttributeException extends IllegalStateException {

  private final AttributeType type;
  private final List<String> values;

  AmbiguousAttributeException(AttributeType type, List<String> values) {
    super("the certificate subject carries " + values.size() + " different " + type.displayName()
        + " (" + type.oid() + ") values where one is expected");
    this.type = type;
    this.values = List.copyOf(values);
  }

  public AttributeType type() {
    return type;
  }

  public List<String> values() {
    return values;
  }
}
