package dev.passgate.admin;

/** The operator's commands over JMX, for jconsole and Hawtio. */
public interface OperatorMBean {

    /** Runs one operator or RACF command; returns its return code and output lines. */
    String execute(String command);
}
