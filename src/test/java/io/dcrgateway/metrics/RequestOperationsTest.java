package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestOperationsTest {

  private final RequestOperations operations = new RequestOperations("/register",
      List.of(new PassThroughRoute("/token", "/realms/dcr/protocol/openid-connect/token", List.of("POST"))));

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "POST,   /register,             register",
      "GET,    /register/abc-123,     read",
      "PUT,    /register/abc-123,     update",
      "DELETE, /register/abc-123,     delete",
      "POST,   /token,                pass_through",
      "GET,    /token,                other",
      "GET,    /register,             other",
      "PATCH,  /register/abc-123,     other",
      "GET,    /register/a/b,         other",
      "GET,    /register/,            other",
      "GET,    /registered,           other",
      "GET,    /anything/a-client-id, other",
  })
  void namesTheOperationAsThePipelineRoutesIt(String method, String path, String operation) {
    assertThat(operations.of(method, path)).isEqualTo(operation);
  }
}
