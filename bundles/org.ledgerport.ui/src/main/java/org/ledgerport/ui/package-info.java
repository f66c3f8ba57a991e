/**
 * What the workstation's UI bundles share: event topics, command ids, icons, formats, the state of the active
 * connection and the system browser. A connector's own UI bundle may use it too.
 */
package org.ledgerport.ui;
