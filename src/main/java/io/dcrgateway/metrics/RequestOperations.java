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
  private final List<String> routes;

  RequestOperations(String registrationPath, List<PassThroughRoute> passThrough) {
    this(registrationPath, passThrough, List.of());
  }

  /** @param routes the paths of {@code registration.routes}, served before the listener's own */
  RequestOperations(String registrationPath, List<PassThroughRoute> passThrough, List<String> routes) {
    this.registrationPath = registrationPath;
    this.passThrough = List.copyOf(passThrough);
    this.routes = List.copyOf(routes);
  }

  String of(String method, String path) {
    for (PassThroughRoute route : passThrough) {
      if (route.path().equals(path) && route.methods().contains(method)) {
        return "pass_through";
      }
    }
    for (String route : routes) {
      String operation = below(route, method, path);
      if (!operation.equals("other")) {
        return operation;
      }
    }
    return below(registrationPath, method, path);
  }

  /** The registration route of {@code path}, if it is a route's endpoint or one of its clients'. */
  java.util.Optional<String> routeOf(String path) {
    return routes.stream().filter(route -> path.equals(route)
        || path.startsWith(route + "/") && path.indexOf('/', route.length() + 1) < 0).findFirst();
  }

  private static String below(String registrationPath, String method, String path) {
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
