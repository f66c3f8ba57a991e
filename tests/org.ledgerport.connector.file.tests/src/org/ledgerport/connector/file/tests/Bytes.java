package org.ledgerport.connector.file.tests;

/** Looks into a file's bytes, where its encoding shows. */
final class Bytes {

    private Bytes() {
    }

    static boolean contains(byte[] bytes, byte[] sequence) {
        for (int start = 0; start + sequence.length <= bytes.length; start++) {
            int matched = 0;
            while (matched < sequence.length && bytes[start + matched] == sequence[matched]) {
                matched++;
            }
            if (matched == sequence.length) {
                return true;
            }
        }
        return false;
    }
}
