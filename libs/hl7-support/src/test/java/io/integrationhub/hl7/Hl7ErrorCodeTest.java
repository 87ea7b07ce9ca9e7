package io.integrationhub.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hl7ErrorCodeTest {

  @Test
  void carriesTable0357CodesAndTexts() {
    assertThat(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR.code()).isEqualTo(100);
    assertThat(Hl7ErrorCode.REQUIRED_FIELD_MISSING.code()).isEqualTo(101);
    assertThat(Hl7ErrorCode.DATA_TYPE_ERROR.code()).isEqualTo(102);
    assertThat(Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE.code()).isEqualTo(200);
    assertThat(Hl7ErrorCode.UNSUPPORTED_EVENT_CODE.code()).isEqualTo(201);
    assertThat(Hl7ErrorCode.UNSUPPORTED_VERSION_ID.code()).isEqualTo(203);
    assertThat(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR.code()).isEqualTo(207);
    assertThat(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR.description())
        .isEqualTo("Application internal error");
  }

  @Test
  void findsCodesByNumber() {
    assertThat(Hl7ErrorCode.fromCode(101)).contains(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
    assertThat(Hl7ErrorCode.fromCode(0)).contains(Hl7ErrorCode.MESSAGE_ACCEPTED);
    assertThat(Hl7ErrorCode.fromCode(999)).isEmpty();
  }
}
