package dev.passgate.security.racf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ADDGROUP, DELGROUP, CONNECT and REMOVE: what each answers, word for word, and what it changes. */
class GroupVerbsTest extends RacfVerbTestSupport {

    @BeforeEach
    void define() {
        t.admin("ADDUSER JOE");
    }

    @Test
    void addgroupDefinesAGroupUnderAnExistingOne() {
        expect("ADDGROUP OPS", 0, "group OPS defined");
        expect("AG DEV SUPGROUP(OPS) OWNER(JOE) DATA('developers')", 0, "group DEV defined");
        assertTrue(t.registry.groups().exists("DEV"));
        refused("ADDGROUP OPS", "OPS is already defined as a group");
        refused("ADDGROUP JOE", "JOE is already defined as a user");
        refused("ADDGROUP QA SUPGROUP(NOGRP)", "group NOGRP is not defined");
        refused("ADDGROUP QA DFLTGRP(OPS)", "unknown keyword DFLTGRP for ADDGROUP (allowed: DATA OWNER SUPGROUP)");
        refused("ADDGROUP 9QA", "group '9QA' must not start with a digit");
        assertFalse(t.registry.groups().exists("QA"));
    }

    @Test
    void connectAndRemoveChangeTheUsersGroups() {
        t.admin("ADDGROUP OPS");
        expect("CONNECT JOE GROUP(OPS) AUTHORITY(USE)", 0, "user JOE connected to group OPS");
        assertEquals(List.of("OPS", "SYS1"), t.registry.users().groups("JOE"));
        expect("CO JOE GROUP(OPS)", 0, "user JOE connected to group OPS");
        assertEquals(List.of("OPS", "SYS1"), t.registry.users().groups("JOE"), "connecting twice changes nothing");
        refused("DELGROUP OPS", "group OPS still has members: JOE");
        expect("REMOVE JOE GROUP(OPS)", 0, "user JOE removed from group OPS");
        assertEquals(List.of("SYS1"), t.registry.users().groups("JOE"));
        refused("RE JOE GROUP(OPS)", "user JOE is not connected to group OPS");
        refused("REMOVE JOE GROUP(SYS1)", "SYS1 is the default group of JOE: change DFLTGRP first");
    }

    @Test
    void connectAndRemoveNeedAGroupThatExists() {
        refused("CONNECT JOE", "CONNECT needs GROUP(...)");
        refused("REMOVE JOE", "REMOVE needs GROUP(...)");
        refused("CONNECT JOE GROUP(NOGRP)", "group NOGRP is not defined");
        refused("CONNECT NOBODY GROUP(SYS1)", "user NOBODY is not defined");
        refused("REMOVE JOE GROUP(SYS1) AUTHORITY(USE)", "unknown keyword AUTHORITY for REMOVE (allowed: GROUP OWNER)");
        refused("CONNECT JOE GROUP(SYS1) SPECIAL", "unknown keyword SPECIAL for CONNECT (allowed: AUTHORITY GROUP OWNER)");
        refused("CONNECT", "CONNECT needs 1 operand before its keywords");
    }

    @Test
    void delgroupDeletesAnEmptyGroup() {
        t.admin("ADDGROUP OPS");
        expect("DELGROUP OPS", 0, "group OPS deleted");
        assertFalse(t.registry.groups().exists("OPS"));
        refused("DG OPS", "group OPS is not defined");
    }
}
