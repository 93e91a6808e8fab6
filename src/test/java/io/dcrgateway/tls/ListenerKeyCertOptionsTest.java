package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.devpki.Pem;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The listener's key material as the TLS context gets it: the key and chain of the configured PEM
 * files, behind the JDK's own key manager (which picks the key by type), cached for BoringSSL.
 */
class ListenerKeyCertOptionsTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"RSA, EC", "EC, RSA"})
  void aListenerServesItsKeyAndChainForHandshakesOfItsKeyTypeOnly(String type, String otherType) throws Exception {
    Files files = write(type, type.equals("RSA") ? KeySpec.rsa2048() : KeySpec.ecP256());
    X509KeyManager keys = keyManager(ListenerKeyCertOptions.keyManagerFactory(files.key, files.chain));

    String alias = keys.chooseServerAlias(type, null, null);
    assertThat(alias).isNotNull();
    assertThat(keys.getPrivateKey(alias).getEncoded()).isEqualTo(files.leaf.privateKey().getEncoded());
    assertThat(keys.getCertificateChain(alias)).containsExactlyElementsOf(files.chainCertificates);
    assertThat(keys.chooseServerAlias(otherType, null, null)).isNull();
  }

  @Test
  void theOpenSslEngineGetsTheSameKeyThroughNettysCachingFactory() throws Exception {
    Files files = write("rsa", KeySpec.rsa2048());
    KeyManagerFactory factory = options(true, files).getKeyManagerFactory(null);

    assertThat(factory).isInstanceOf(OpenSslCachingX509KeyManagerFactory.class);
    X509KeyManager keys = keyManager(factory);
    String alias = keys.chooseServerAlias("RSA", null, null);
    assertThat(keys.getPrivateKey(alias).getEncoded()).isEqualTo(files.leaf.privateKey().getEncoded());
    assertThat(keys.getCertificateChain(alias)).containsExactlyElementsOf(files.chainCertificates);
  }

  @Test
  void theJdkEngineGetsThePlainFactory() throws Exception {
    Files files = write("rsa", KeySpec.rsa2048());
    KeyManagerFactory factory = options(false, files).getKeyManagerFactory(null);

    assertThat(factory).isNotInstanceOf(OpenSslCachingX509KeyManagerFactory.class);
    assertThat(keyManager(factory).chooseServerAlias("RSA", null, null)).isNotNull();
  }

  @Test
  void noServerNameSelectsAnotherKeyForTheListenerHasOne() throws Exception {
    Files files = write("rsa", KeySpec.rsa2048());

    assertThat(options(true, files).keyManagerFactoryMapper(null).apply("localhost")).isNull();
    assertThat(options(false, files).keyManagerFactoryMapper(null).apply("other.example")).isNull();
  }

  @Test
  void optionsAreEqualByFilesAndEngineSoThatServersShareOneContext() throws Exception {
    Files files = write("rsa", KeySpec.rsa2048());
    ListenerKeyCertOptions openSsl = options(true, files);

    assertThat(openSsl.copy()).isEqualTo(openSsl).hasSameHashCodeAs(openSsl);
    assertThat(options(true, files)).isEqualTo(openSsl);
    assertThat(options(false, files)).isNotEqualTo(openSsl);
    assertThat(options(true, files).setKeyPath(dir.resolve("other.key").toString())).isNotEqualTo(openSsl);
  }

  private static ListenerKeyCertOptions options(boolean openSsl, Files files) {
    ListenerKeyCertOptions options = new ListenerKeyCertOptions(openSsl);
    options.setCertPath(files.chain.toString()).setKeyPath(files.key.toString());
    return options;
  }

  private static X509KeyManager keyManager(KeyManagerFactory factory) {
    return (X509KeyManager) factory.getKeyManagers()[0];
  }

  private Files write(String name, KeySpec spec) throws Exception {
    IssuedCertificate ca = CertificateIssuer.forSubject("CN=Listener Test CA").certificateAuthority().selfSigned();
    IssuedCertificate leaf = CertificateIssuer.forSubject("CN=localhost").key(spec).dnsNames("localhost")
        .signedBy(ca);
    List<X509Certificate> chain = List.of(leaf.certificate(), ca.certificate());
    Path chainFile = java.nio.file.Files.writeString(dir.resolve(name + ".crt"), Pem.certificates(chain));
    Path keyFile = java.nio.file.Files.writeString(dir.resolve(name + ".key"), Pem.privateKey(leaf.privateKey()));
    return new Files(leaf, chain, chainFile, keyFile);
  }

  private record Files(IssuedCertificate leaf, List<X509Certificate> chainCertificates, Path chain, Path key) {
  }
}
