package io.integrationhub.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the HL7 MLLP server; the flow is chosen by environment variables. */
@SpringBootApplication
public class Hl7ServerApplication {
  public static void main(String[] args) {
    SpringApplication.run(Hl7ServerApplication.class, args);
  }
}
