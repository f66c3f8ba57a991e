package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import org.ledgerport.core.store.Activity;

/** Writes process log activities inside the transaction of the change they tell of. */
final class ActivityRows {

    /** This computer's name, as the export engine names it in its runs. */
    static final String WORKSTATION = Activity.thisWorkstation();

    private ActivityRows() {
    }

    /** Saves the activity and returns it with its id and, when it had none, this workstation's name. */
    static Activity insert(Connection c, Activity activity) throws SQLException {
        String workstation = activity.workstation().isBlank() ? WORKSTATION : activity.workstation();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO activity (happened_at, user_name, workstation, "
                + "kind, connection_name, invoice_number, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.from(activity.at()));
            insert.setString(2, activity.user());
            insert.setString(3, workstation);
            insert.setString(4, activity.kind().name());
            insert.setString(5, activity.connectionName());
            insert.setString(6, activity.invoiceNumber());
            insert.setString(7, DerbyDatabase.clip(activity.text()));
            insert.executeUpdate();
            return new Activity(DerbyDatabase.generatedId(insert), activity.at(), activity.user(), workstation,
                    activity.kind(), activity.connectionName(), activity.invoiceNumber(), activity.text());
        }
    }
}
