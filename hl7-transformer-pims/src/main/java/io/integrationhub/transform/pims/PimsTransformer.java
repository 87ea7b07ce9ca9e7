package io.integrationhub.transform.pims;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.Mapper;
import java.time.Clock;
import java.util.List;

/**
 * PIMS to MPI (spec §5): PIMS ADT v2.3.1 registrations, updates and merges become MPI v2.5 {@code
 * ADT^A28^ADT_A05}, {@code ADT^A31^ADT_A05} and {@code ADT^A40^ADT_A39}. Audit texts are the
 * defaults ({@code Message received for PIMS transformation}, {@code PIMS transformation applied
 * for SENDING_APP: {MSH.3.1}}, {@code PIMS transformation failed}).
 */
public final class PimsTransformer extends FlowTransformer {

  /** The transformer's name in audit texts. */
  public static final String NAME = "PIMS";

  private final List<Mapper> mappers;

  /** A transformer stamping an empty inbound MSH.7 with the system clock's local time. */
  public PimsTransformer() {
    this(Clock.systemDefaultZone());
  }

  /** A transformer stamping an empty inbound MSH.7 with {@code clock}'s local time. */
  public PimsTransformer(Clock clock) {
    super(NAME);
    this.mappers =
        List.of(
            new MshMapper(clock),
            new EvnMapper(),
            new PidMapper(),
            new Pd1Mapper(),
            new Pv1Mapper(),
            new MrgMapper(),
            new AdditionalSegmentsMapper());
  }

  @Override
  protected List<Mapper> mappers() {
    return mappers;
  }
}
