package io.dcrgateway.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** For container health checks where the runtime image has no curl: exit 0 only on HTTP 200. */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
    description = "Ask the admin listener whether the gateway is ready; exit 0 when it is.")
final class HealthcheckCommand implements Callable<Integer> {

  @Option(names = "--url", defaultValue = "http://127.0.0.1:9090/health/ready",
      description = "Readiness URL (default: ${DEFAULT-VALUE}).")
  private URI url;

  @Option(names = "--timeout", defaultValue = "3", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public Integer call() {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println(response.statusCode() + " " + response.body());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (Exception e) {
      System.err.println("healthcheck: " + url + " unreachable: " + e.getMessage());
      return 1;
    } 
  }
}
