package io.dcrgateway.policy;

/** What a request asks of the identity server (RFC 7591 registration, RFC 7592 management). */
public enum Operation {
  REGISTER, READ, UPDATE, DELETE
}
