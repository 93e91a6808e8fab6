package io.dcrgateway.dn;

/**
 * A string that is not an RFC 4514 distinguished name, with the place it goes wrong so the TPP can
 * fix it (RFC 8705 §2.1.2: {@code tls_client_auth_subject_dn} is an RFC 4514 string).
 */
public final class DistinguishedNameSyntaxException extends IllegalArgumentException {

  private final String problem;
  private final int position;

  DistinguishedNameSyntaxException(String problem, int position) {
    super("not a valid RFC 4514 distinguished name: " + problem + (position > 0 ? " at position " + position : ""));
    this.problem = problem;
    this.position = position;
  }

  /** What is wrong, e.g. {@code unterminated escape}. */
  public String problem() {
    return problem;
  }

  /** Where, counting characters from 1; 0 when the problem is the string as a whole. */
  public int position() {
    return position;
  }

  /**
   * The message naming the field the string came from, e.g. "tls_client_auth_subject_dn is not a
   * valid RFC 4514 distinguished name: unterminated escape at position 17".
   */
  public String describing(String field) {
    return field + " is " + getMessage();
  }
}
