package io.dcrgateway.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What one java.util.logging logger published while this was open, with the thread it came from. */
public final class CapturedLog implements AutoCloseable {

  private final Logger logger;
  private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
  private final List<String> threads = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  private CapturedLog(Logger logger) {
    this.logger = logger;
    logger.addHandler(handler);
  }

  public static CapturedLog of(String loggerName) {
    return new CapturedLog(Logger.getLogger(loggerName));
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** The thread each message was published on, in the same order. */
  public List<String> threads() {
    return List.copyOf(threads);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
