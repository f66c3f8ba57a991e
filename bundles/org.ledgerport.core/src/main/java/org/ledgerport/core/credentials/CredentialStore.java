package org.ledgerport.core.credentials;

/** Where connections keep their secrets, encrypted at rest. */
public interface CredentialStore {

    /** The secrets of the connection with this uid. */
    Credentials forConnection(String connectionUid);

    /** Forgets every secret of the connection, as when it is removed. */
    void forget(String connectionUid);
}
