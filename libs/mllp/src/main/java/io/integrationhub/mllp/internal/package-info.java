/**
 * Socket and pipeline internals of the MLLP server and client. Not a public API: types here may
 * change without notice.
 */
package io.integrationhub.mllp.internal;
