package io.integrationhub.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A flow that runs as a set of services, named as the reference's docker compose profiles. The
 * broker and the mock MPI are part of every profile.
 *
 * @param name the profile name, e.g. {@code phw-to-mpi}
 * @param server the flow's inbound server (where {@code send} sends)
 * @param services every service, in start order
 */
record Profile(String name, ServiceSpec server, List<ServiceSpec> services) {

  static final List<Profile> ALL =
      List.of(
          toMpi("phw", true),
          toMpi("paris", false),
          toMpi("chemo", true),
          toMpi("pims", true),
          toMpi("mosaiq", false),
          new Profile(
              "mpi-to-topic",
              ServiceSpec.server("mpi"),
              List.of(
                  ServiceSpec.BROKER,
                  ServiceSpec.MOCK_MPI,
                  ServiceSpec.SUBSCRIPTION_SENDER,
                  ServiceSpec.server("mpi"))));

  private static Profile toMpi(String flow, boolean transforms) {
    List<ServiceSpec> services = new ArrayList<>();
    services.add(ServiceSpec.BROKER);
    services.add(ServiceSpec.MOCK_MPI);
    services.add(ServiceSpec.SENDER);
    if (transforms) {
      services.add(ServiceSpec.transformer(flow));
    }
    services.add(ServiceSpec.server(flow));
    return new Profile(flow + "-to-mpi", ServiceSpec.server(flow), List.copyOf(services));
  }

  static Optional<Profile> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> p.name().equals(wanted)).findFirst();
  }

  /** Every service of every profile, each once, in start order. */
  static List<ServiceSpec> allServices() {
    List<ServiceSpec> all = new ArrayList<>();
    for (Profile profile : ALL) {
      for (ServiceSpec service : profile.services()) {
        if (!all.contains(service)) {
          all.add(service);
        }
      }
    }
    return all;
  }

  /** The sample message {@code send} uses: {@code local/sample_messages/<profile>.hl7}. */
  String sampleFile() {
    return name + ".hl7";
  }
}
