package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Problem;

/**
 * One accounting package's import file: the rules it imposes on an invoice, how invoices are written into it and
 * how they are read back. A layout does no I/O of its own beyond reading the file it is handed.
 */
sealed interface Layout permits XeroCsvLayout, IifLayout {

    /** The value of the layout setting that chooses this layout. */
    String id();

    /** The accounting package, as messages name it. */
    String packageName();

    /** What the income account mapping and settings hold for this package, as messages name it. */
    String accountTerm();

    /** What a tax code is mapped to in this package, as messages name it. */
    String taxTerm();

    /** How export files of this layout are named: stem, time, first number, extension. */
    String fileStem();

    String extension();

    /** The longest invoice number the package takes. */
    int maxNumberLength();

    /** Checks what the package imposes on a customer's name; shared by validation and customer resolution. */
    List<Problem> checkCustomer(Customer customer);

    /**
     * Checks what the package imposes on an item name written to the file.
     *
     * @param where where the item is used, such as " on line 2 of invoice 1001", or empty
     */
    List<Problem> checkItem(String packageItem, String field, String where);

    /** The layout's own checks of one invoice; the mapping's checks come on top. */
    List<Problem> validate(OutgoingInvoice invoice, PackageMapping mapping);

    /** Writes the invoices, each already checked and numbered, as the content of one file. */
    RenderedFile render(List<NumberedInvoice> invoices, PackageMapping mapping) throws IOException;

    /** The invoices in an export file of this layout, in file order. */
    List<WrittenInvoice> read(Path file) throws IOException;
}
