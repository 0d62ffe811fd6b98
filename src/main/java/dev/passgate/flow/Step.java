package dev.passgate.flow;

import org.apache.camel.Processor;

/** A processor that states its {@link StepContract}, so a route that cannot feed it fails at start. */
public interface Step extends Processor {

    StepContract contract();
}
