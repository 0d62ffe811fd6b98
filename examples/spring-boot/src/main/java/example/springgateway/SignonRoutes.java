package example.springgateway;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The host's own route: a PassTicket for CICSPROD for the user in the body. */
@Component
public class SignonRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:cics-signon").routeId("cics-signon")
                .setHeader("PassGateUser", body())
                .to("passticket:generate?applid=CICSPROD")
                .setBody(header("PassGatePassTicket"));
    }
}
