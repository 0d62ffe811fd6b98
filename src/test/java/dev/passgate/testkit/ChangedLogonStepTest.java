package dev.passgate.testkit;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An integrator's changed logon step (the login exit, in YAML), tested with the kit in 15 lines as the README shows it. */
class ChangedLogonStepTest {
    @RegisterExtension PassGateNode node = PassGateNode.builder().route("""
            - route:
                from:
                  uri: direct:exit-login
                  steps:
                    - setHeader: {name: PassGateExitResult, simple: "${iif(${header.PassGateUser} == 'MALLORY',FAIL,CONTINUE)}"}
            """).build();
    @Test void theChangedStepRefusesMalloryAndLetsJoeIn() {
        node.racf("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER MALLORY PASSWORD(Secret1) NOEXPIRED");
        node.client().logon("mallory", "Secret1").assertError(ErrorCode.EXIT_REJECTED);
        node.client().session("joe", "Secret1").call("whoami").assertField("user", "JOE");
        node.audit().assertContains(AuditEvent.EXIT, "MALLORY");
    }
}
