package io.dcrgateway.bench;

/** The cases of the shared-state benchmark: how many gateway instances, and where their state lives. */
enum Deployment {

  /** (a) One instance, state in its memory: the default, and the baseline of the ratios. */
  ONE_MEMORY("(a) 1 instance, memory", 1, false),
  /** (b) One instance, state in Redis: what the shared store costs one instance. */
  ONE_REDIS("(b) 1 instance, Redis", 1, true),
  /** (c) Two instances (two JVMs) sharing that Redis, connections spread over both. */
  TWO_REDIS("(c) 2 instances, Redis", 2, true);

  private final String title;
  private final int instances;
  private final boolean redis;

  Deployment(String title, int instances, boolean redis) {
    this.title = title;
    this.instances = instances;
    this.redis = redis;
  }

  String title() {
    return title;
  }

  int instances() {
    return instances;
  }

  boolean redis() {
    return redis;
  }
}
