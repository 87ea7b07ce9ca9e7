/**
 * Lenient ER7 parsing with HAPI ({@link io.integrationhub.hl7.parse.Hl7Parser}) and a fast reader
 * of the first segment ({@link io.integrationhub.hl7.parse.MessageHeader}). Failures are reported
 * as {@link io.integrationhub.hl7.parse.Hl7ParseException}, whose text never contains message
 * content.
 */
package io.integrationhub.hl7.parse;
