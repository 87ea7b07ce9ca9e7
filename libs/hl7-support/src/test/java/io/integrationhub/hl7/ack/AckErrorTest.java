package io.integrationhub.hl7.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.Hl7ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AckErrorTest {

  @Test
  void ofCreatesAnErrorWithoutLocation() {
    AckError error = AckError.of(Hl7ErrorCode.DATA_TYPE_ERROR, "Bad date");

    assertThat(error.text()).isEqualTo("Bad date");
    assertThat(error.code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    assertThat(error.location()).isEmpty();
    assertThat(error.severity()).isEqualTo(ErrorSeverity.ERROR);
  }

  @Test
  void atAndWithSeverityReturnChangedCopies() {
    AckError error = AckError.of(Hl7ErrorCode.DATA_TYPE_ERROR, "Bad date");

    AckError located = error.at("PID", 1, 7).withSeverity(ErrorSeverity.INFORMATION);

    assertThat(located.location()).contains(new ErrorLocation("PID", 1, 7));
    assertThat(located.severity().code()).isEqualTo("I");
    assertThat(error.location()).isEmpty();
  }

  @Test
  void locationIsWrittenAsErl() {
    assertThat(new ErrorLocation("PID", 1, 3).toEr7()).isEqualTo("PID^1^3");
    assertThat(new ErrorLocation("OBX", 12, 0).toEr7()).isEqualTo("OBX^12");
  }

  @Test
  void locationRejectsInvalidParts() {
    assertThatThrownBy(() -> new ErrorLocation("pid", 1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErrorLocation(null, 1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErrorLocation("PID", 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErrorLocation("PID", 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullParts() {
    assertThatThrownBy(
            () ->
                new AckError(
                    null, Hl7ErrorCode.DATA_TYPE_ERROR, Optional.empty(), ErrorSeverity.ERROR))
        .isInstanceOf(NullPointerException.class);
  }
}
