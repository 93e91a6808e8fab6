package io.dcrgateway.dn;

/**
 * One {@code type=value} of an RDN (RFC 4514 §2.3), with how the string form wrote it: the OFB
 * strict form (DCR ID2/ID3 §7.1.2) is a property of the text, not of the name it denotes.
 *
 * @param type the attribute type, by OID
 * @param value the value, decoded
 * @param typeAsWritten the type as the string wrote it ({@code CN}, {@code businessCategory},
 *     {@code 2.5.4.15}, {@code OID.2.5.4.15}); for a certificate, as RFC 4514 §2.3 would write it
 * @param valueWrittenAsHex whether the value was written as {@code #} and BER hex (RFC 4514 §2.4)
 */
public record AttributeTypeAndValue(
    AttributeType type, AttributeValue value, String typeAsWritten, boolean valueWrittenAsHex) {

  /** Equal keys mean same type and matching values. */
  String matchKey() {
    return type.oid() + value.matchKey();
  }
}
