package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Netty's allocator events cost every start; an operator recording them says so with the property. */
class NettyJfrEventsTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(NettyJfrEvents.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NettyJfrEvents.PROPERTY);
    } else {
      System.setProperty(NettyJfrEvents.PROPERTY, before);
    }
  }

  @Test
  void offWhenTheOperatorSaysNothing() {
    System.clearProperty(NettyJfrEvents.PROPERTY);

    NettyJfrEvents.offUnlessAsked();

    assertThat(System.getProperty(NettyJfrEvents.PROPERTY)).isEqualTo("false");
  }

  @Test
  void anOperatorWhoAsksForThemKeepsThem() {
    System.setProperty(NettyJfrEvents.PROPERTY, "true");

    NettyJfrEvents.offUnlessAsked();

    assertThat(System.getProperty(NettyJfrEvents.PROPERTY)).isEqualTo("true");
  }
}
