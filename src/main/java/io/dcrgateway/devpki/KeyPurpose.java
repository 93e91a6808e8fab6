package io.dcrgateway.devpki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The extendedKeyUsage purposes the gateway cares about (OFB Cert Std: client certificates carry clientAuth). */
public enum KeyPurpose {
  CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth),
  SERVER_AUTH(KeyPurposeId.id_kp_serverAuth),
  /** RFC 6960 §4.2.2.2: a responder certificate the CA issued for signing OCSP answers on its behalf. */
  OCSP_SIGNING(KeyPurposeId.id_kp_OCSPSigning);

  private final KeyPurposeId id;

  KeyPurpose(KeyPurposeId id) {
    this.id = id;
  }

  KeyPurposeId id() {
    return id;
  }
}
