package io.dcrgateway.dn;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organizationIdentifier of a PSD2 eIDAS certificate (ETSI TS 119 495 §5.2.1), e.g.
 * {@code PSDGB-FCA-123456}: "PSD", the country of the competent authority, the authority's id and
 * the authorisation number it gave the TPP. UK-17: QWACs carry it instead of an OU org_id.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code GB}
 * @param authority the national competent authority id, 2-8 capital letters, e.g. {@code FCA}
 * @param authorisationNumber the TPP's number at that authority
 */
public record Psd2OrganizationIdentifier(String country, String authority, String authorisationNumber) {

  private static final Pattern FORM = Pattern.compile("PSD([A-Z]{2})-([A-Z]{2,8})-(.+)");

  /** Empty when the identifier is not in the PSD2 form (e.g. an OFB {@code OFBBR-} one). */
  public static Optional<Psd2OrganizationIdentifier> parse(String organizationIdentifier) {
    Matcher matcher = FORM.matcher(organizationIdentifier);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Psd2OrganizationIdentifier(matcher.group(1), matcher.group(2), matcher.group(3)));
  }

  @Override
  public String toString() {
    return "PSD" + country + "-" + authority + "-" + authorisationNumber;
  }
}
