package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway config shipped in conf/k8s/configmap.yaml is one the gateway accepts (everything
 * but its files, which the pod mounts from Secrets), and it is the multi-instance one: Redis.
 */
class KubernetesConfigMapTest {

  @TempDir
  Path dir;

  @Test
  void theShippedConfigMapHoldsAValidMultiInstanceConfig() throws Exception {
    JsonNode configMap = new ObjectMapper(new YAMLFactory()).readTree(Path.of("conf/k8s/configmap.yaml").toFile());
    Path config = Files.writeString(dir.resolve("gateway.yaml"), configMap.at("/data/gateway.yaml").asText());
    Map<String, String> env = Map.of("UPSTREAM_BASE_URL", "http://keycloak:8080", "REDIS_PASSWORD", "from-a-secret");

    GatewayConfig parsed = ConfigLoader.parse(config, env::get);

    assertThat(parsed.state().store()).isEqualTo(StateConfig.Store.REDIS);
    assertThat(parsed.state().redis().orElseThrow().password()).contains("from-a-secret");
    assertThat(parsed.admin().host()).isEqualTo("0.0.0.0");
    assertThat(parsed.listener().tls().certificate()).isEqualTo(Path.of("/etc/dcr-gateway/tls/server.pem"));
    assertThat(parsed.reload().watch()).isTrue();
  }
}
