package io.dcrgateway.devpki;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Which directory's software statement to mint: its claim set, role claims and jwks claim name. */
public enum SsaProfile {

  /** Open Finance Brasil Directory of Participants (BR-06..BR-17). */
  OPEN_FINANCE_BRASIL("ofb", "software_jwks_uri") {
    @Override
    Map<String, Object> defaultClaims(DevSoftware software, Instant issuedAt) {
      return OfbSoftwareStatementClaims.defaults(software, issuedAt);
    }

    @Override
    Map<String, Object> roleClaims(List<String> roles) {
      return OfbSoftwareStatementClaims.roles(roles);
    }
  },

  /** UK Open Banking Directory (UK-08, S-UK3). */
  UK_OPEN_BANKING("uk", "software_jwks_endpoint") {
    @Override
    Map<String, Object> defaultClaims(DevSoftware software, Instant issuedAt) {
      return UkSoftwareStatementClaims.defaults(software, issuedAt);
    }

    @Override
    Map<String, Object> roleClaims(List<String> roles) {
      return UkSoftwareStatementClaims.roles(roles);
    }
  };

  private final String id;
  private final String jwksUriClaim;

  SsaProfile(String id, String jwksUriClaim) {
    this.id = id;
    this.jwksUriClaim = jwksUriClaim;
  }

  abstract Map<String, Object> defaultClaims(DevSoftware software, Instant issuedAt);

  abstract Map<String, Object> roleClaims(List<String> roles);

  /** How the command line names it: {@code ofb} or {@code uk}. */
  public String id() {
    return id;
  }

  /** The claim holding the URI of the software's signing JWKS (BR-10, UK-03). */
  public String jwksUriClaim() {
    return jwksUriClaim;
  }

  /** The directory a certificate of this subject layout belongs to. */
  public static SsaProfile forLayout(SubjectLayout layout) {
    return layout == SubjectLayout.UK_TRANSPORT ? UK_OPEN_BANKING : OPEN_FINANCE_BRASIL;
  }

  public static SsaProfile fromId(String id) {
    for (SsaProfile profile : values()) {
      if (profile.id.equals(id)) {
        return profile;
      }
    }
    throw new IllegalArgumentException("unknown SSA layout " + id + " (expected ofb or uk)");
  }
}
