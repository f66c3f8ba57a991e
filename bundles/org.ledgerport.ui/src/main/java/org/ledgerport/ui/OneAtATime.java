package org.ledgerport.ui;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * A scheduling rule that runs the jobs holding the same instance one after the other: the reads of one list, or
 * the saves and sign-ins of one connection wizard.
 */
public final class OneAtATime implements ISchedulingRule {

    @Override
    public boolean contains(ISchedulingRule rule) {
        return rule == this;
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return rule == this;
    }
}
