package org.ledgerport.connector.http;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a connector keeps per connection between sessions (the vendor's lists, for one), by connection uid.
 *
 * @param <T> what is kept
 */
public final class PerConnection<T> {

    /** One connection's place, handed to a session. */
    public interface Slot<T> {
        Optional<T> get();

        void put(T value);
    }

    private final ConcurrentMap<String, T> values = new ConcurrentHashMap<>();

    public Slot<T> slot(String connectionUid) {
        return new Slot<>() {
            @Override
            public Optional<T> get() {
                return Optional.ofNullable(values.get(connectionUid));
            }

            @Override
            public void put(T value) {
                values.put(connectionUid, value);
            }
        };
    }

    public void forget(String connectionUid) {
        values.remove(connectionUid);
    }
}
