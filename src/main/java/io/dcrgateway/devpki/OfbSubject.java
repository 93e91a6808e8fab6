package io.dcrgateway.devpki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;

/**
 * The subject attributes of an Open Finance Brasil client (transport) certificate, and the two DN
 * layouts a gateway meets during the coexistence period (SPEC BR-03, BR-05, Appendix D).
 *
 * <p>ASN.1 order follows the OFB Cert Std OpenSSL template (businessCategory first, CN last), so
 * {@code X500Principal.getName()} prints CN first, exactly as the Appendix D §2 example.
 */
public record OfbSubject(
    String commonName,
    String softwareId,
    String orgId,
    String cnpj,
    String organizationName,
    String locality,
    String state,
    String businessCategory) {

  /** OFB Cert Std: organizationIdentifier = "OFBBR-" + the participant's org_id. */
  public static final String ORGANIZATION_IDENTIFIER_PREFIX = "OFBBR-";

  public static final String PRIVATE_ORGANIZATION = "Private Organization";

  /** A subject with sample address fields; only the identifiers vary between dev TPPs. */
  public static OfbSubject of(String commonName, String softwareId, String orgId, String cnpj, String organizationName) {
    return new OfbSubject(commonName, softwareId, orgId, cnpj, organizationName, "Sao Paulo", "SP", PRIVATE_ORGANIZATION);
  }

  public String organizationIdentifier() {
    return ORGANIZATION_IDENTIFIER_PREFIX + orgId;
  }

  /**
   * The "ecosystem standard" DN of certificates issued after 2023-01-19 (Appendix D §2): org_id in
   * organizationIdentifier; UTF8String except C, serialNumber and jurisdictionC (PrintableString).
   */
  public X500Name ecosystemName() {
    return withOrganisationIn(AttributeTypes.ORGANIZATION_IDENTIFIER, organizationIdentifier(), new DERUTF8String(businessCategory));
  }

  /**
   * The layout of certificates issued up to 2022-08-31 (BR-03, BR-05): org_id in OU, no
   * organizationIdentifier. businessCategory is a PrintableString here, as in the 2021 suite vector
   * (Appendix D §1, {@code 2.5.4.15=#13...}), so the gateway meets both string types.
   */
  public X500Name legacyName() {
    return withOrganisationIn(AttributeTypes.ORGANIZATIONAL_UNIT, orgId, new DERPrintableString(businessCategory, true));
  }

  private X500Name withOrganisationIn(ASN1ObjectIdentifier organisationAttribute, String organisationValue,
      ASN1Encodable category) {
    return new X500NameBuilder()
        .addRDN(AttributeTypes.BUSINESS_CATEGORY, category)
        .addRDN(AttributeTypes.JURISDICTION_COUNTRY, new DERPrintableString("BR", true))
        .addRDN(AttributeTypes.SERIAL_NUMBER, new DERPrintableString(cnpj, true))
        .addRDN(AttributeTypes.COUNTRY, new DERPrintableString("BR", true))
        .addRDN(AttributeTypes.ORGANIZATION, new DERUTF8String(organizationName))
        .addRDN(AttributeTypes.STATE, new DERUTF8String(state))
        .addRDN(AttributeTypes.LOCALITY, new DERUTF8String(locality))
        .addRDN(organisationAttribute, new DERUTF8String(organisationValue))
        .addRDN(AttributeTypes.UID, new DERUTF8String(softwareId))
        .addRDN(AttributeTypes.COMMON_NAME, new DERUTF8String(commonName))
        .build();
  }
}
