package io.dcrgateway.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(KeycloakExtension.class)}: the class is skipped when no Keycloak distribution
 * is configured; otherwise its {@code KeycloakServer} parameters get the {@link SharedKeycloak},
 * which is stopped once the whole test run (not the class) is over.
 */
public final class KeycloakExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

  /** Disabled, not aborted: the build report then names each test as skipped, with the reason. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return SharedKeycloak.configured()
        ? ConditionEvaluationResult.enabled("Keycloak configured")
        : ConditionEvaluationResult.disabled(KeycloakServer.missingHomeMessage());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    SharedKeycloak.require();
    // the root store is closed when the engine finishes: after the last class that used Keycloak
    context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(StopAtEnd.class, key -> new StopAtEnd(), StopAtEnd.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KeycloakServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SharedKeycloak.require();
  }

  private static final class StopAtEnd implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      SharedKeycloak.stop();
    }
  }
}
