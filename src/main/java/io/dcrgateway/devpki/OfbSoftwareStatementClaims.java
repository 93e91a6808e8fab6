package io.dcrgateway.devpki;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The claims of an Open Finance Brasil directory software statement for a dev software, shaped as
 * the directory issues them: what BR-06..BR-17 read (software_id, org_id, software_redirect_uris,
 * software_jwks_uri, the role lists, the four metadata pairs of BR-17) plus the descriptive rest.
 */
final class OfbSoftwareStatementClaims {

  /** OFB DCR §7.2: each role the software holds, with the domain it was granted in. */
  static final String AUTHORISATION_DOMAIN = "Open Banking";
  static final List<String> DEFAULT_ROLES = List.of("DADOS", "PAGTO");

  private OfbSoftwareStatementClaims() {
  }

  static Map<String, Object> defaults(DevSoftware software, Instant issuedAt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", SoftwareStatementMinter.OFB_SANDBOX_ISSUER);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("software_id", software.softwareId());
    claims.put("org_id", software.orgId());
    claims.put("software_client_id", software.directoryClientId());
    claims.put("software_client_name", software.clientName());
    claims.put("software_client_description", software.clientName() + ", registered in the dcr-gateway dev directory");
    claims.put("software_version", "1.0");
    claims.put("software_environment", "sandbox");
    claims.put("software_mode", "Test");
    claims.putAll(roles(DEFAULT_ROLES));
    claims.put("software_redirect_uris", software.redirectUris());
    claims.put("software_jwks_uri", software.jwksUri());
    claims.put("software_jwks_inactive_uri", software.inactiveJwksUri());
    claims.put("software_jwks_transport_uri", software.transportJwksUri());
    claims.put("software_logo_uri", software.logoUri());
    claims.put("software_tos_uri", software.tosUri());
    claims.put("software_policy_uri", software.policyUri());
    claims.put("software_client_uri", software.home());
    claims.put("software_api_webhook_uris", software.webhookUris());
    claims.put("org_name", software.orgName());
    if (software.cnpj() != null) {
      claims.put("org_number", software.cnpj());
    }
    claims.put("org_status", "Active");
    claims.put("organisation_competent_authority_claims", List.of(competentAuthority(software)));
    return claims;
  }

  /**
   * BR-15: scopes follow the roles whose status is Active in software_statement_roles, with
   * software_roles as the fallback, so both lists are written and kept in step.
   */
  static Map<String, Object> roles(List<String> roles) {
    List<Map<String, Object>> statementRoles = roles.stream()
        .map(role -> Map.<String, Object>of("role", role, "authorisation_domain", AUTHORISATION_DOMAIN, "status", "Active"))
        .toList();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("software_roles", List.copyOf(roles));
    claims.put("software_statement_roles", statementRoles);
    return claims;
  }

  private static Map<String, Object> competentAuthority(DevSoftware software) {
    Map<String, Object> authority = new LinkedHashMap<>();
    authority.put("authority_name", "Banco Central do Brasil");
    authority.put("authority_code", "BCB");
    authority.put("authorisation_domain", AUTHORISATION_DOMAIN);
    authority.put("registration_id", software.cnpj() == null ? software.orgId() : software.cnpj());
    authority.put("status", "Active");
    return authority;
  }
}
