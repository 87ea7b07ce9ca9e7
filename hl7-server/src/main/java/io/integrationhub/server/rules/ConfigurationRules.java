package io.integrationhub.server.rules;

import java.util.List;
import java.util.Optional;

/** The checks against configuration (spec §4.2): MSH-12 and MSH-3, each as the whole field. */
public final class ConfigurationRules {

  private ConfigurationRules() {}

  /** MSH-12 must equal {@code version} exactly ({@code 2.5^GBR} is not {@code 2.5}). */
  public static MessageRule version(String version) {
    return message ->
        message.header().field(12).equals(version)
            ? Optional.empty()
            : Optional.of("Message has wrong version");
  }

  /** MSH-3 (whole field, case-sensitive) must be one of {@code allowed}. */
  public static MessageRule sendingApplication(List<String> allowed) {
    return message -> {
      String sendingApp = message.header().field(3);
      return allowed.contains(sendingApp)
          ? Optional.empty()
          : Optional.of(
              "Message sending application '"
                  + sendingApp
                  + "' is not in allowed authority codes.");
    };
  }
}
