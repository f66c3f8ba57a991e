/**
 * Who may do what at this workstation: the users' local roles and the checks the engine makes before it acts.
 */
package org.ledgerport.core.access;
