package io.integrationhub.sender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the HL7 sender (queue or subscription mode, chosen by environment variables). */
@SpringBootApplication
public class Hl7SenderApplication {
  public static void main(String[] args) {
    SpringApplication.run(Hl7SenderApplication.class, args);
  }
}
