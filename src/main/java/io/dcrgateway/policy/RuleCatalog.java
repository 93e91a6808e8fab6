package io.dcrgateway.policy;

import io.dcrgateway.policy.rules.ApplicationTypeAllowed;
import io.dcrgateway.policy.rules.CertificateBoundToStatement;
import io.dcrgateway.policy.rules.ClientIdMatchesPath;
import io.dcrgateway.policy.rules.GrantTypesAllowed;
import io.dcrgateway.policy.rules.JwksNotBoth;
import io.dcrgateway.policy.rules.JwksNotByValue;
import io.dcrgateway.policy.rules.JwksUriMatchesStatement;
import io.dcrgateway.policy.rules.ManagementFieldsAbsent;
import io.dcrgateway.policy.rules.MetadataFromStatement;
import io.dcrgateway.policy.rules.RedirectUrisHttps;
import io.dcrgateway.policy.rules.RedirectUrisInStatement;
import io.dcrgateway.policy.rules.RedirectUrisMatchPatterns;
import io.dcrgateway.policy.rules.RedirectUrisRequired;
import io.dcrgateway.policy.rules.RequiredFields;
import io.dcrgateway.policy.rules.ResponseTypesAllowed;
import io.dcrgateway.policy.rules.ScopeAllowedForRoles;
import io.dcrgateway.policy.rules.SigningAlgsAllowed;
import io.dcrgateway.policy.rules.SoftwareIdMatchesStatement;
import io.dcrgateway.policy.rules.SoftwareStatementRequired;
import io.dcrgateway.policy.rules.TlsClientAuthSingleSubject;
import io.dcrgateway.policy.rules.TlsClientAuthSubjectDnMatchesCertificate;
import io.dcrgateway.policy.rules.TokenEndpointAuthMethodAllowed;
import io.dcrgateway.policy.rules.WebhookUrisHttps;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every rule the gateway knows, by its stable id: what profiles may list. */
public final class RuleCatalog {

  private static final Map<String, RuleFactory> FACTORIES = new TreeMap<>();

  static {
    register(ApplicationTypeAllowed.ID, ApplicationTypeAllowed::create);
    register(CertificateBoundToStatement.ID, CertificateBoundToStatement::create);
    register(ClientIdMatchesPath.ID, ClientIdMatchesPath::create);
    register(GrantTypesAllowed.ID, GrantTypesAllowed::create);
    register(JwksNotBoth.ID, JwksNotBoth::create);
    register(JwksNotByValue.ID, JwksNotByValue::create);
    register(JwksUriMatchesStatement.ID, JwksUriMatchesStatement::create);
    register(ManagementFieldsAbsent.ID, ManagementFieldsAbsent::create);
    register(MetadataFromStatement.ID, MetadataFromStatement::create);
    register(RedirectUrisHttps.ID, RedirectUrisHttps::create);
    register(RedirectUrisInStatement.ID, RedirectUrisInStatement::create);
    register(RedirectUrisMatchPatterns.ID, RedirectUrisMatchPatterns::create);
    register(RedirectUrisRequired.ID, RedirectUrisRequired::create);
    register(RequiredFields.ID, RequiredFields::create);
    register(ResponseTypesAllowed.ID, ResponseTypesAllowed::create);
    register(ScopeAllowedForRoles.ID, ScopeAllowedForRoles::create);
    register(SigningAlgsAllowed.ID, SigningAlgsAllowed::create);
    register(SoftwareIdMatchesStatement.ID, SoftwareIdMatchesStatement::create);
    register(SoftwareStatementRequired.ID, SoftwareStatementRequired::create);
    register(TlsClientAuthSingleSubject.ID, TlsClientAuthSingleSubject::create);
    register(TlsClientAuthSubjectDnMatchesCertificate.ID, TlsClientAuthSubjectDnMatchesCertificate::create);
    register(TokenEndpointAuthMethodAllowed.ID, TokenEndpointAuthMethodAllowed::create);
    register(WebhookUrisHttps.ID, WebhookUrisHttps::create);
  }

  private RuleCatalog() {
  }

  private static void register(String id, RuleFactory factory) {
    if (FACTORIES.put(id, factory) != null) {
      throw new IllegalStateException("two rules claim the id " + id);
    }
  }

  public static Optional<RuleFactory> factory(String id) {
    return Optional.ofNullable(FACTORIES.get(id));
  }

  public static java.util.Set<String> ids() {
    return java.util.Collections.unmodifiableSet(FACTORIES.keySet());
  }
}
