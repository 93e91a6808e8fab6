package io.dcrgateway.server;

import io.dcrgateway.config.GatewayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings a reload cannot apply because they belong to a bound socket or an open file: the
 * public listener's address, idle timeout, header and connection limits, socket transport, number of servers, TLS engine and key exchange groups, the crypto provider, the admin listener, the audit file, and how reloads are noticed. A reload that
 * changes them applies everything else and says which keys wait for a restart.
 */
final class RestartOnlySettings {

  private RestartOnlySettings() {
  }

  static List<String> changed(GatewayConfig running, GatewayConfig loaded) {
    List<String> keys = new ArrayList<>();
    compare(keys, "listener.host", running.listener().host(), loaded.listener().host());
    compare(keys, "listener.port", running.listener().port(), loaded.listener().port());
    compare(keys, "listener.idle-timeout", running.listener().idleTimeout(), loaded.listener().idleTimeout());
    compare(keys, "listener.servers", running.listener().servers(), loaded.listener().servers());
    compare(keys, "listener.max-header-size", running.listener().limits().maxHeaderBytes(),
        loaded.listener().limits().maxHeaderBytes());
    compare(keys, "listener.max-initial-line-length", running.listener().limits().maxInitialLineLength(),
        loaded.listener().limits().maxInitialLineLength());
    compare(keys, "listener.max-connections", running.listener().limits().maxConnections(),
        loaded.listener().limits().maxConnections());
    compare(keys, "listener.transport", running.listener().transport(), loaded.listener().transport());
    compare(keys, "listener.tls.engine", running.listener().tls().engine(), loaded.listener().tls().engine());
    compare(keys, "listener.tls.groups", running.listener().tls().groups(), loaded.listener().tls().groups());
    compare(keys, "crypto.provider", running.crypto(), loaded.crypto());
    compare(keys, "admin", running.admin(), loaded.admin());
    compare(keys, "audit", running.audit(), loaded.audit());
    compare(keys, "reload", running.reload(), loaded.reload());
    return keys;
  }

  private static void compare(List<String> keys, String key, Object running, Object loaded) {
    if (!Objects.equals(running, loaded)) {
      keys.add(key);
    }
  }
}
