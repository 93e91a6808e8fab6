package io.dcrgateway.dn;

/**
 * The OFB organisation id a client certificate names, and where it was found: certificates issued
 * after 2022-08-31 carry it in organizationIdentifier as {@code OFBBR-<org_id>}, older ones in OU;
 * both are valid during the coexistence period (SPEC BR-03, BR-05).
 *
 * @param value the org_id, prefix removed
 * @param source the attribute it came from, for audit and for messages
 */
public record OfbOrgId(String value, Source source) {

  /** OFB Cert Std: organizationIdentifier = this prefix + org_id. */
  public static final String DEFAULT_PREFIX = "OFBBR-";

  public enum Source {
    /** 2.5.4.97, with the prefix stripped. */
    ORGANIZATION_IDENTIFIER,
    /** 2.5.4.11, the layout before organizationIdentifier. */
    ORGANIZATIONAL_UNIT
  }
}
