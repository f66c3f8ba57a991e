/**
 * What a connector's bundle uses to add its own page to the account-connection wizard: register a
 * {@link org.ledgerport.ui.connect.ConnectorSettingsPage} service for the connector's id.
 */
package org.ledgerport.ui.connect;
