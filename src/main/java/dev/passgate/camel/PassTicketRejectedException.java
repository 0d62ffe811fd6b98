package dev.passgate.camel;

import dev.passgate.passticket.Evaluation;

/** A route's {@code passticket:evaluate} refused the ticket. The message names user, APPLID and reason only. */
public class PassTicketRejectedException extends Exception {

    private final transient Evaluation evaluation;

    public PassTicketRejectedException(Evaluation evaluation) {
        super(evaluation.describe());
        this.evaluation = evaluation;
    }

    public Evaluation evaluation() {
        return evaluation;
    }
}
