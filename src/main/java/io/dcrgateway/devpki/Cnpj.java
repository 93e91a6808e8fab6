package io.dcrgateway.devpki;

import java.security.SecureRandom;

/**
 * Brazilian company registry numbers (CNPJ) for dev certificates' serialNumber attribute (OFB Cert
 * Std). Generated numbers carry valid check digits so a gateway that validates them accepts them.
 */
public final class Cnpj {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int[] FIRST_WEIGHTS = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final int[] SECOND_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

  private Cnpj() {
  }

  /** Eight random root digits, branch 0001 (head office), then the two check digits. */
  public static String random() {
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      base.append(RANDOM.nextInt(10));
    }
    return withCheckDigits(base.append("0001").toString());
  }

  /** The 14-digit CNPJ for a 12-digit base (modulo 11 check digits). */
  public static String withCheckDigits(String twelveDigits) {
    if (!twelveDigits.matches("\\d{12}")) {
      throw new IllegalArgumentException("a CNPJ base is 12 digits: " + twelveDigits);
    }
    String first = twelveDigits + checkDigit(twelveDigits, FIRST_WEIGHTS);
    return first + checkDigit(first, SECOND_WEIGHTS);
  }

  private static int checkDigit(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }
}
