package io.integrationhub.transform.pims;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.service.TransformerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The PIMS transformer service: consumes the flow's ingress queue/session, transforms each message
 * with {@link PimsTransformer} and publishes it to the egress queue (see {@link
 * TransformerConfiguration}).
 */
@SpringBootApplication
@Import(TransformerConfiguration.class)
public class PimsTransformerApplication {

  /** The flow's transformation. */
  @Bean
  FlowTransformer flowTransformer() {
    return new PimsTransformer();
  }

  /** Starts the service; configuration comes from environment variables. */
  public static void main(String[] args) {
    SpringApplication.run(PimsTransformerApplication.class, args);
  }
}
