package io.integrationhub.mockreceiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the MPI mock receiver. */
@SpringBootApplication
public class MockReceiverApplication {
  public static void main(String[] args) {
    SpringApplication.run(MockReceiverApplication.class, args);
  }
}
