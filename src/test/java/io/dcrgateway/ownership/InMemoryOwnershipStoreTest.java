package io.dcrgateway.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC BRM-03 (registration takeover): the store answers which software registered a client,
 * for as many clients as a bank has, without holding an object per client.
 */
class InMemoryOwnershipStoreTest {

  private static final SoftwareIdentity BANKING_APP = new SoftwareIdentity("software-1", "org-1");
  private static final SoftwareIdentity OTHER_APP = new SoftwareIdentity("software-2", "org-2");

  private final InMemoryOwnershipStore store = new InMemoryOwnershipStore();

  @Test
  void aRecordedClientIsOwnedByTheSoftwareThatRegisteredIt() {
    store.record("client-a", BANKING_APP);
    store.record("client-b", OTHER_APP);

    assertThat(owner("client-a")).contains(BANKING_APP);
    assertThat(owner("client-b")).contains(OTHER_APP);
    assertThat(owner("client-c")).isEmpty();
  }

  @Test
  void aForgottenClientHasNoOwner() {
    store.record("client-a", BANKING_APP);

    store.forget("client-a");

    assertThat(owner("client-a")).isEmpty();
  }

  @Test
  void recordingAgainNamesTheLatestOwner() {
    store.record("client-a", BANKING_APP);
    store.record("client-a", OTHER_APP);

    assertThat(owner("client-a")).contains(OTHER_APP);
  }

  @Test
  void clientIdsDifferingOnlyInCaseOrEncodingAreDifferentClients() {
    store.record("Client-A", BANKING_APP);
    store.record("client-\u00e1", OTHER_APP);

    assertThat(owner("client-a")).isEmpty();
    assertThat(owner("Client-A")).contains(BANKING_APP);
    assertThat(owner("client-\u00e1")).contains(OTHER_APP);
  }

  @Test
  void aHundredThousandClientsOfManySoftwaresAreAllKeptApart() {
    for (int i = 0; i < 100_000; i++) {
      store.record("client-" + i, new SoftwareIdentity("software-" + i % 97, "org-" + i % 13));
    }
    for (int i = 0; i < 100_000; i += 7) {
      store.forget("client-" + i);
    }

    for (int i = 0; i < 100_000; i++) {
      assertThat(owner("client-" + i)).as("client-" + i)
          .isEqualTo(i % 7 == 0 ? Optional.empty()
              : Optional.of(new SoftwareIdentity("software-" + i % 97, "org-" + i % 13)));
    }
  }

  @Test
  void concurrentRegistrationsOfDifferentSoftwaresDoNotMixUp() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            store.record("t" + thread + "-" + i, new SoftwareIdentity("software-" + thread + "-" + i % 50, "org"));
          }
        });
      }
    } finally {
      threads.shutdown();
      assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < 20_000; i++) {
        assertThat(owner("t" + t + "-" + i)).contains(new SoftwareIdentity("software-" + t + "-" + i % 50, "org"));
      }
    }
  }

  private Optional<SoftwareIdentity> owner(String clientId) {
    return store.owner(clientId).result();
  }
}
