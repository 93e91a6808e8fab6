package io.dcrgateway.devpki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Subject DN attribute types used by the ecosystem layouts, by OID rather than by descriptor:
 * tools disagree on descriptors (SPEC Appendix D §3), the OIDs are what the certificate holds.
 */
public final class AttributeTypes {

  public static final ASN1ObjectIdentifier COMMON_NAME = new ASN1ObjectIdentifier("2.5.4.3");
  public static final ASN1ObjectIdentifier UID = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.1");
  public static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");
  public static final ASN1ObjectIdentifier ORGANIZATIONAL_UNIT = new ASN1ObjectIdentifier("2.5.4.11");
  public static final ASN1ObjectIdentifier LOCALITY = new ASN1ObjectIdentifier("2.5.4.7");
  public static final ASN1ObjectIdentifier STATE = new ASN1ObjectIdentifier("2.5.4.8");
  public static final ASN1ObjectIdentifier ORGANIZATION = new ASN1ObjectIdentifier("2.5.4.10");
  public static final ASN1ObjectIdentifier COUNTRY = new ASN1ObjectIdentifier("2.5.4.6");
  public static final ASN1ObjectIdentifier SERIAL_NUMBER = new ASN1ObjectIdentifier("2.5.4.5");
  public static final ASN1ObjectIdentifier JURISDICTION_COUNTRY = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.60.2.1.3");
  public static final ASN1ObjectIdentifier BUSINESS_CATEGORY = new ASN1ObjectIdentifier("2.5.4.15");

  private AttributeTypes() {
  }
}
