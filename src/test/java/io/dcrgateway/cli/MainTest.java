package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The entry point registers the command a start names, and every command for anything else. */
class MainTest {

  @Test
  void aCommandLineNamingACommandRegistersThatCommandOnly() {
    CommandLine line = Main.commandLine("run", "--config", "gateway.yaml");

    assertThat(line.getSubcommands()).containsOnlyKeys("run");
  }

  @Test
  void usageWithoutACommandListsEveryCommand() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setErr(new PrintWriter(err));

    assertThat(line.execute()).isEqualTo(2);
    assertThat(err.toString()).contains("a command is required");
    assertThat(line.getSubcommands()).containsOnlyKeys(Main.COMMANDS.keySet().toArray(String[]::new));
    Main.COMMANDS.keySet().forEach(name -> assertThat(err.toString()).contains(name));
  }

  @Test
  void aMistypedCommandIsRefusedWithTheCommandsThereAre() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine("runn");
    line.setErr(new PrintWriter(err));

    assertThat(line.execute("runn")).isEqualTo(2);
    assertThat(err.toString()).contains("runn").contains("run");
  }

  @Test
  void helpForACommandStillFindsIt() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine("help", "run");
    line.setOut(new PrintWriter(out));

    assertThat(line.execute("help", "run")).isZero();
    assertThat(out.toString()).contains("Start the gateway.").contains("--config");
  }

  @Test
  void everyCommandIsKnownByTheNameItsAnnotationGives() {
    assertThat(Main.COMMANDS).containsKeys("run", "check-config", "dev-pki", "mint-ssa", "healthcheck", "audit",
        "dev-stack", "help");
  }
}
