package io.dcrgateway.devpki;

import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;

/**
 * The UK Open Banking directory transport certificate subject (SPEC UK-17):
 * {@code CN=<software_id>,OU=<org_id>,O=OpenBanking,C=GB} as RFC 2253 prints it, so C is first in
 * ASN.1 order.
 */
public record UkTransportSubject(String softwareId, String orgId) {

  public X500Name name() {
    return new X500NameBuilder()
        .addRDN(AttributeTypes.COUNTRY, new DERPrintableString("GB", true))
        .addRDN(AttributeTypes.ORGANIZATION, new DERUTF8String("OpenBanking"))
        .addRDN(AttributeTypes.ORGANIZATIONAL_UNIT, new DERUTF8String(orgId))
        .addRDN(AttributeTypes.COMMON_NAME, new DERUTF8String(softwareId))
        .build();
  }
}
