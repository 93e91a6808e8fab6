package io.dcrgateway.metrics;

import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import java.util.List;

/**
 * Names the operation of a request from its method and path, the way the pipeline routes it, so
 * a request refused before routing (no certificate on {@code POST /register}) still counts as a
 * registration. Unknown paths and methods are {@code other}: never the path itself, which a
 * client chooses.
 */
final class RequestOperations {

  static final List<String> REGISTRATION_OPERATIONS = List.of("register", "read", "update", "delete");

  private final String registrationPath;
  private final List<PassThroughRoute> passThrough;

  RequestOperations(String registrationPath, List<PassThroughRoute> passThrough) {
    this.registrationPath = registrationPath;
    this.passThrough = List.copyOf(passThrough);
  }

  String of(String method, String path) {
    for (PassThroughRoute route : passThrough) {
      if (route.path().equals(path) && route.methods().contains(method)) {
        return "pass_through";
      }
    }
    if (path.equals(registrationPath)) {
      return "POST".equals(method) ? "register" : "other";
    }
    String prefix = registrationPath + "/";
    if (path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0) {
      return switch (method) {
        case "GET" -> "read";
        case "PUT" -> "update";
        case "DELETE" -> "delete";
        default -> "other";
      };
    }
    return "other";
  }
}
