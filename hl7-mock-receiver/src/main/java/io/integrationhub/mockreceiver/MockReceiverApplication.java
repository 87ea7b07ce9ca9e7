package io.integrationhub.mockreceiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** MPI stand-in. */
@SpringBootApplication
public class MockReceiverApplication {
  public static void main(String[] args) {
    SpringApplication.run(MockReceiverApplication.class, args);
  }
}
