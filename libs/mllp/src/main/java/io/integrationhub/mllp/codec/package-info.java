/**
 * MLLP framing: the frame constants, a Netty frame decoder with a size limit enforced while
 * reading, and strict charset handling (MSH-18 resolution, decoding that never substitutes
 * replacement characters).
 */
package io.integrationhub.mllp.codec;
