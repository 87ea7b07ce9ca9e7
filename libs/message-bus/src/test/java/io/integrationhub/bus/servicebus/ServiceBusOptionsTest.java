package io.integrationhub.bus.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.amqp.AmqpRetryMode;
import com.azure.core.amqp.AmqpRetryOptions;
import io.integrationhub.bus.servicebus.ServiceBusOptions.Authentication;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceBusOptionsTest {
  static final String EMULATOR =
      "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;"
          + "SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";
  static final String AZURE =
      "Endpoint=sb://hub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=secret";

  @Test
  void neitherConnectionStringNorNamespaceIsAClearError() {
    assertThatThrownBy(() -> ServiceBusOptions.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one of SERVICE_BUS_CONNECTION_STRING / SERVICE_BUS_NAMESPACE is required");
    assertThatThrownBy(
            () -> ServiceBusOptions.builder().connectionString(" ").namespace("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SERVICE_BUS_CONNECTION_STRING / SERVICE_BUS_NAMESPACE");
  }

  @Test
  void connectionStringWinsWhenBothAreSet() {
    ServiceBusOptions options =
        ServiceBusOptions.builder().connectionString(AZURE).namespace("other").build();

    assertThat(options.authentication()).isEqualTo(new Authentication.ConnectionString(AZURE));
  }

  @Test
  void bareNamespaceGetsTheServiceBusDomain() {
    ServiceBusOptions options = ServiceBusOptions.builder().namespace("inthub-prod").build();

    assertThat(options.authentication())
        .isEqualTo(
            new Authentication.EntraId("inthub-prod.servicebus.windows.net", Optional.empty()));
  }

  @Test
  void namespaceWithADotIsUsedAsTheFullyQualifiedName() {
    assertThat(ServiceBusOptions.fullyQualifiedNamespace("ns.servicebus.usgovcloudapi.net"))
        .isEqualTo("ns.servicebus.usgovcloudapi.net");
    assertThat(ServiceBusOptions.fullyQualifiedNamespace(" sb://ns.servicebus.windows.net/ "))
        .isEqualTo("ns.servicebus.windows.net");
    assertThatThrownBy(() -> ServiceBusOptions.fullyQualifiedNamespace("sb://"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void managedIdentityClientIdIsKeptForEntraId() {
    ServiceBusOptions options =
        ServiceBusOptions.builder().namespace("ns").managedIdentityClientId("client-1").build();

    assertThat(options.authentication())
        .isEqualTo(
            new Authentication.EntraId("ns.servicebus.windows.net", Optional.of("client-1")));
  }

  @Test
  void readsTheReferenceEnvironmentVariables() {
    ServiceBusOptions fromSas =
        ServiceBusOptions.fromEnvironment(Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR));
    ServiceBusOptions fromNamespace =
        ServiceBusOptions.fromEnvironment(
            Map.of(
                "SERVICE_BUS_CONNECTION_STRING", "  ",
                "SERVICE_BUS_NAMESPACE", "ns",
                "SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID", "mi"));

    assertThat(fromSas.authentication()).isInstanceOf(Authentication.ConnectionString.class);
    assertThat(fromNamespace.authentication())
        .isEqualTo(new Authentication.EntraId("ns.servicebus.windows.net", Optional.of("mi")));
    assertThat(fromNamespace.maxMessageBytes()).isEqualTo(104_857_600);
    assertThat(fromNamespace.createMissingEntities()).isFalse();
    assertThat(fromNamespace.topology()).isEmpty();
  }

  @Test
  void recognisesTheEmulatorConnectionString() {
    assertThat(new Authentication.ConnectionString(EMULATOR).emulator()).isTrue();
    assertThat(new Authentication.ConnectionString(AZURE).emulator()).isFalse();
    assertThat(
            new Authentication.ConnectionString("Endpoint=sb://x;usedevelopmentemulator = TRUE")
                .emulator())
        .isTrue();
  }

  @Test
  void neverPrintsTheConnectionString() {
    ServiceBusOptions options = ServiceBusOptions.builder().connectionString(AZURE).build();

    assertThat(options.toString()).doesNotContain("secret").contains("<redacted>");
    assertThat(options.authentication().toString()).doesNotContain("secret");
  }

  @Test
  void defaultRetryIsExponentialWithAFewBoundedTries() {
    AmqpRetryOptions retry = ServiceBusOptions.builder().namespace("ns").build().retryOptions();

    assertThat(retry.getMode()).isEqualTo(AmqpRetryMode.EXPONENTIAL);
    assertThat(retry.getMaxRetries()).isEqualTo(3);
    assertThat(retry.getTryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.getMaxDelay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void retryOptionsAreCopiedInAndOut() {
    AmqpRetryOptions given = new AmqpRetryOptions().setMaxRetries(1);
    ServiceBusOptions options =
        ServiceBusOptions.builder().namespace("ns").retryOptions(given).build();

    given.setMaxRetries(9);
    options.retryOptions().setMaxRetries(8);

    assertThat(options.retryOptions().getMaxRetries()).isEqualTo(1);
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> ServiceBusOptions.builder().namespace("ns").maxMessageBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ServiceBusOptions.builder()
                    .namespace("ns")
                    .maxAutoLockRenewDuration(Duration.ofSeconds(-1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
