package example.springgateway;

import dev.passgate.PassGate;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Camel Spring Boot application hosting PassGate: Spring's CamelContext gets PassGate before it
 * starts; PassGate reads its passgate.* settings from Spring's environment (application.properties,
 * environment variables) through Camel's properties component.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    CamelContextConfiguration passGate() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    PassGate.install(context);
                } catch (Exception e) {
                    throw new IllegalStateException("PassGate could not be installed: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
