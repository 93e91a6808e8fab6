package io.dcrgateway.config;

import java.util.Optional;

/** The top level: each section by its reader, then the rules that span sections. */
final class GatewayReader {

  private GatewayReader() {
  }

  static GatewayConfig read(Section root) {
    root.keys("listener", "trust", "upstream", "forwarding", "admin", "registration", "audit", "reload", "state", "fetch",
        "crypto", "dev");
    ListenerConfig listener = ListenerReader.read(root.sectionOrEmpty("listener"));
    TrustConfig trust = TrustReader.read(root.sectionOrEmpty("trust"));
    UpstreamConfig upstream = UpstreamReader.read(root.sectionOrEmpty("upstream"));
    ForwardingConfig forwarding = ForwardingReader.read(root.sectionOrEmpty("forwarding"));
    AdminConfig admin = AdminReader.read(root.sectionOrEmpty("admin"));
    RegistrationConfig registration = RegistrationReader.read(root.sectionOrEmpty("registration"));
    Optional<DevConfig> dev = root.section("dev").map(DevReader::read);
    checkAdminPortIsFree(root.context(), listener, admin);
    checkPassThroughLeavesRegistrationAlone(root.context(), listener, upstream);
    checkRoutesAreTheirOwn(root.context(), listener, upstream, registration);
    return new GatewayConfig(listener, trust, upstream, forwarding, admin, registration,
        AuditReader.read(root.sectionOrEmpty("audit")), ReloadReader.read(root.sectionOrEmpty("reload")),
        StateReader.read(root.sectionOrEmpty("state")), FetchReader.read(root.sectionOrEmpty("fetch")),
        CryptoReader.read(root.sectionOrEmpty("crypto")), dev);
  }

  /** Registration and management must always go through the rules, never around them. */
  private static void checkPassThroughLeavesRegistrationAlone(
      ReadContext context, ListenerConfig listener, UpstreamConfig upstream) {
    for (int i = 0; i < upstream.passThrough().size(); i++) {
      String path = upstream.passThrough().get(i).path();
      if (path != null && listener.registrationPath() != null && (path.equals(listener.registrationPath())
          || path.startsWith(listener.registrationPath() + "/"))) {
        context.problem("upstream.pass-through[" + i + "].path", "must not be the registration path "
            + listener.registrationPath() + " or below it: registrations are checked, never passed through");
      }
      String upstreamPath = upstream.passThrough().get(i).upstreamPath();
      if (upstreamPath != null && upstream.registrationPath() != null
          && (upstreamPath.equals(upstream.registrationPath()) || upstreamPath.startsWith(upstream.registrationPath() + "/")
              || upstreamPath.contains("/clients-registrations"))) {
        context.problem("upstream.pass-through[" + i + "].upstream-path", "must not be the identity server's"
            + " registration endpoint: registrations are checked, never passed through");
      }
    }
  }

  /**
   * A route's path is its own: not the listener's registration path, nor a pass-through path. A
   * route below it ({@code /register/mobile}) is served before the certificate route's
   * {@code /register/{client_id}}, so no client of that route can be named like the route.
   */
  private static void checkRoutesAreTheirOwn(ReadContext context, ListenerConfig listener, UpstreamConfig upstream,
      RegistrationConfig registration) {
    for (int i = 0; i < registration.routes().size(); i++) {
      String path = registration.routes().get(i).path();
      String base = listener.registrationPath();
      if (path == null || base == null) {
        continue;
      }
      if (path.equals(base)) {
        context.problem("registration.routes[" + i + "].path", "must not be listener.registration-path (" + base
            + "), which the certificate route serves; use e.g. " + base + "/mobile");
      }
      for (UpstreamConfig.PassThroughRoute passThrough : upstream.passThrough()) {
        if (path.equals(passThrough.path()) || passThrough.path().startsWith(path + "/")) {
          context.problem("registration.routes[" + i + "].path", "must not overlap the pass-through path "
              + passThrough.path());
        }
      }
    }
  }

  private static void checkAdminPortIsFree(ReadContext context, ListenerConfig listener, AdminConfig admin) {
    if (!admin.enabled() || context.hasProblemsAt("listener") || context.hasProblemsAt("admin")) {
      return;
    }
    if (admin.port() == listener.port() && HostName.overlap(admin.host(), listener.host())) {
      context.problem("admin.port", "must differ from listener.port (" + listener.port() + ") because"
          + " admin.host " + admin.host() + " and listener.host " + listener.host() + " overlap");
    }
  }
}
