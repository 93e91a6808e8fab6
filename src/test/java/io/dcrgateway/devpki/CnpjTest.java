package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CnpjTest {

  @Test
  void checkDigitsMatchTheAppendixDConformanceTppCnpj() {
    assertThat(Cnpj.withCheckDigits("431426660001")).isEqualTo("43142666000197");
  }

  @RepeatedTest(20)
  void randomCnpjIsFourteenDigitsHeadOfficeWithValidCheckDigits() {
    String cnpj = Cnpj.random();

    assertThat(cnpj).matches("\\d{8}0001\\d{2}");
    assertThat(Cnpj.withCheckDigits(cnpj.substring(0, 12))).isEqualTo(cnpj);
  }

  @Test
  void baseMustBeTwelveDigits() {
    assertThatThrownBy(() -> Cnpj.withCheckDigits("4314266600")).isInstanceOf(IllegalArgumentException.class);
  }
}
