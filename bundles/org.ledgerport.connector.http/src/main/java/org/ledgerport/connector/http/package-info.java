/**
 * What every online connector shares: a pooled HTTP client, OAuth 2.0 sign-in (authorization code, PKCE, state,
 * a loopback listener on 127.0.0.1), single-flight token refresh that saves the newest refresh token before it is
 * used, retries that honour Retry-After, a per-account rate limiter, and logging with secrets taken out.
 */
package org.ledgerport.connector.http;
